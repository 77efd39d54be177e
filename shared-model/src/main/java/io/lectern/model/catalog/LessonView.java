package io.lectern.model.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lesson with its content, as the learner's player or the studio shows it.
 *
 * @param id               lesson id
 * @param courseId         course
 * @param sectionId        section
 * @param title            title
 * @param type             type
 * @param durationSec      expected duration in seconds
 * @param preview          open to anyone
 * @param required         counts towards the course percentage
 * @param prerequisiteIds  lessons to finish first
 * @param content          type-specific content
 * @param html             rendered, sanitised HTML of an article body or assignment instructions
 * @param launchUrl        embed lessons: the page with a short-lived signed launch token
 * @param launchExpiresAt  when that token expires
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LessonView(UUID id, UUID courseId, UUID sectionId, String title, LessonType type, int durationSec,
                         boolean preview, boolean required, List<UUID> prerequisiteIds, LessonContent content, String html,
                         String launchUrl, Instant launchExpiresAt) {

    public LessonView {
        prerequisiteIds = prerequisiteIds == null ? List.of() : List.copyOf(prerequisiteIds);
    }
}
