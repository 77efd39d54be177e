package io.lectern.server.catalog.internal.authoring;

import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import java.util.List;
import java.util.UUID;

/**
 * A lesson of a course's working copy.
 *
 * @param id              lesson id (kept across publishes)
 * @param courseId        course
 * @param sectionId       section
 * @param title           title
 * @param type            type
 * @param position        place within its section
 * @param durationSec     duration
 * @param preview         free preview
 * @param required        counts towards completion
 * @param content         type-specific content
 * @param prerequisiteIds lessons to finish first
 */
public record DraftLesson(UUID id, UUID courseId, UUID sectionId, String title, LessonType type, int position,
                   int durationSec, boolean preview, boolean required, LessonContent content,
                   List<UUID> prerequisiteIds) {

    public DraftLesson {
        prerequisiteIds = List.copyOf(prerequisiteIds);
    }
}
