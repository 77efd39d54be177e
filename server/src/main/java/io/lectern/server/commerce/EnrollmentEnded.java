package io.lectern.server.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner lost access to a course.
 *
 * @param enrollmentId enrollment
 * @param userId       learner
 * @param courseId     course
 * @param reason       REFUNDED or REVOKED
 * @param at           when
 */
public record EnrollmentEnded(UUID enrollmentId, UUID userId, UUID courseId, String reason, Instant at) {
}
