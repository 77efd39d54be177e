package io.lectern.server.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A republish made a new lesson visible to the course's learners (lessons of a first publish come with
 * {@link CoursePublished} instead).
 *
 * @param courseId    course
 * @param lessonId    the new lesson
 * @param title       its title
 * @param type        its type, e.g. {@code VIDEO}
 * @param required    whether it counts towards completion
 * @param publishedAt when learners could see it
 */
public record LessonAdded(UUID courseId, UUID lessonId, String title, String type, boolean required,
                          Instant publishedAt) {
}
