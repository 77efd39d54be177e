package io.lectern.model.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course as its staff edit it: the working draft with every lesson's content.
 *
 * @param id                    course id
 * @param slug                  URL name
 * @param status                draft, published or archived
 * @param revision              increases with every change (send it back as {@code If-Match} to avoid lost edits)
 * @param publishedVersion      how many times it was published (0 = never)
 * @param hasUnpublishedChanges whether the draft differs from what learners see
 * @param title                 title
 * @param subtitle              subtitle
 * @param description           Markdown description
 * @param category              category slug
 * @param tags                  tags
 * @param level                 level
 * @param language              language tag
 * @param pricing               pricing
 * @param price                 price
 * @param thumbnailMediaId      cover image
 * @param instructors           owner first, then co-instructors
 * @param sections              the outline with full lessons
 * @param updatedAt             last change
 * @param publishedAt           last publish, or null
 */
public record CourseDraftView(UUID id, String slug, CourseStatus status, int revision, int publishedVersion,
                              boolean hasUnpublishedChanges, String title, String subtitle, String description,
                              String category, List<String> tags, CourseLevel level, String language, Pricing pricing,
                              Money price, UUID thumbnailMediaId, List<InstructorRef> instructors,
                              List<Section> sections, Instant updatedAt, Instant publishedAt) {

    /**
     * A section of the draft.
     *
     * @param id      section id
     * @param title   title
     * @param lessons lessons in order
     */
    public record Section(UUID id, String title, List<LessonView> lessons) {
    }
}
