package io.lectern.server.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A course left the catalog; enrolled learners keep access.
 *
 * @param courseId   course
 * @param title      title
 * @param archivedBy who archived it
 * @param archivedAt when
 */
public record CourseArchived(UUID courseId, String title, UUID archivedBy, Instant archivedAt) {
}
