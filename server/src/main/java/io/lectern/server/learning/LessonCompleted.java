package io.lectern.server.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner completed a lesson (watched 90 %, marked done, passed, submitted).
 *
 * @param userId      learner
 * @param courseId    course
 * @param lessonId    lesson
 * @param completedAt when
 */
public record LessonCompleted(UUID userId, UUID courseId, UUID lessonId, Instant completedAt) {
}
