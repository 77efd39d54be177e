package io.lectern.server.catalog.internal.publishing;

import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import java.util.List;
import java.util.UUID;

/**
 * A lesson of a course's published snapshot.
 *
 * @param id              lesson id
 * @param courseId        course
 * @param sectionId       section
 * @param sectionTitle    section title
 * @param sectionPosition section place
 * @param position        place in the section
 * @param title           title
 * @param type            type
 * @param durationSec     duration
 * @param preview         free preview
 * @param required        counts towards completion
 * @param content         type-specific content
 * @param html            rendered Markdown, or null
 * @param prerequisiteIds lessons to finish first
 */
public record PublishedLesson(UUID id, UUID courseId, UUID sectionId, String sectionTitle, int sectionPosition, int position,
                       String title, LessonType type, int durationSec, boolean preview, boolean required,
                       LessonContent content, String html, List<UUID> prerequisiteIds) {
}
