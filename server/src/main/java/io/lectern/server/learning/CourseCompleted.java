package io.lectern.server.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner completed every required lesson of a course (published once per learner and course).
 *
 * @param userId      learner
 * @param courseId    course
 * @param completedAt when
 */
public record CourseCompleted(UUID userId, UUID courseId, Instant completedAt) {
}
