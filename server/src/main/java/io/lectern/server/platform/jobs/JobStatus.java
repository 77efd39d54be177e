package io.lectern.server.platform.jobs;

import java.time.Instant;

/**
 * What a job is doing or did.
 *
 * @param type      job type name
 * @param id        instance id
 * @param state     RUNNING, DONE, RETRYING or DEAD
 * @param attempts  attempts so far
 * @param lastError the last failure's message, or null
 * @param updatedAt when the state last changed
 */
public record JobStatus(String type, String id, String state, int attempts, String lastError, Instant updatedAt) {
}
