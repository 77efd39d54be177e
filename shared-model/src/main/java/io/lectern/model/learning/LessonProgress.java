package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One learner's progress in one lesson.
 *
 * @param lessonId       lesson
 * @param state          NOT_STARTED, IN_PROGRESS, COMPLETED or LOCKED
 * @param positionSec    resume position
 * @param watchedPercent share of the video's unique seconds watched
 * @param timeSpentSec   study time in the lesson
 * @param completedAt    when it was completed
 * @param lastAccessedAt last heartbeat or completion
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonProgress(UUID lessonId, String state, double positionSec, int watchedPercent, long timeSpentSec,
                             Instant completedAt, Instant lastAccessedAt) {
}
