package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learner's progress in a course ({@code GET /api/v1/courses/{id}/progress}).
 *
 * @param courseId          course
 * @param percent           required lessons completed, in percent
 * @param completedRequired required lessons completed
 * @param totalRequired     required lessons in the published course
 * @param timeSpentSec      study time in the course
 * @param lastAccessedAt    last activity in the course
 * @param streakDays        consecutive days with study, up to today, in the learner's time zone
 * @param nextLessonId      the next lesson to take (first required one not done and not locked)
 * @param lessons           every lesson, in course order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CourseProgress(UUID courseId, int percent, int completedRequired, int totalRequired, long timeSpentSec,
                             Instant lastAccessedAt, int streakDays, UUID nextLessonId, List<LessonProgress> lessons) {
}
