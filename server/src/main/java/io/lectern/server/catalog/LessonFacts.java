package io.lectern.server.catalog;

import io.lectern.model.catalog.LessonType;
import java.util.List;
import java.util.UUID;

/**
 * What other modules need to know of a published lesson (learning: completion rules, percentages, order).
 *
 * @param lessonId        lesson
 * @param courseId        course
 * @param title           title
 * @param type            lesson type
 * @param durationSec     expected duration (videos: their length)
 * @param required        counts towards the course percentage
 * @param prerequisiteIds lessons to finish first
 * @param quizId          the quiz of a quiz lesson
 * @param mediaId         the video or PDF of the lesson
 */
public record LessonFacts(UUID lessonId, UUID courseId, String title, LessonType type, int durationSec,
                          boolean required, List<UUID> prerequisiteIds, UUID quizId, UUID mediaId) {

    /** The same lesson measured in other units (a PDF's pages instead of seconds). */
    public LessonFacts withLength(int length) {
        return new LessonFacts(lessonId, courseId, title, type, length, required, prerequisiteIds, quizId, mediaId);
    }
}
