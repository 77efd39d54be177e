package io.lectern.model.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published course's page: what it is, who teaches it, its syllabus and what the caller may open.
 *
 * @param id              course id
 * @param slug            URL name
 * @param status          published, or archived (only enrolled learners and staff see those)
 * @param version         published version number
 * @param title           title
 * @param subtitle        subtitle
 * @param description     Markdown source
 * @param descriptionHtml rendered, sanitised HTML
 * @param category        category
 * @param tags            tags
 * @param level           level
 * @param language        language tag
 * @param pricing         pricing
 * @param price           price
 * @param thumbnailMediaId cover image
 * @param instructors     instructors
 * @param rating          rating summary
 * @param enrollmentCount learners enrolled
 * @param lessonCount     lessons
 * @param durationSec     total duration
 * @param publishedAt     first publication
 * @param updatedAt       last publication
 * @param sections        syllabus
 * @param viewer          what the caller may do
 */
public record CourseDetail(UUID id, String slug, CourseStatus status, int version, String title, String subtitle,
                           String description, String descriptionHtml, Category category, List<String> tags,
                           CourseLevel level, String language, Pricing pricing, Money price, UUID thumbnailMediaId,
                           List<InstructorRef> instructors, RatingSummary rating, long enrollmentCount,
                           int lessonCount, int durationSec, Instant publishedAt, Instant updatedAt,
                           List<Section> sections, Viewer viewer) {

    /**
     * A syllabus section.
     *
     * @param id      section id
     * @param title   title
     * @param lessons lessons
     */
    public record Section(UUID id, String title, List<Lesson> lessons) {
    }

    /**
     * A syllabus line.
     *
     * @param id              lesson id
     * @param title           title
     * @param type            type
     * @param durationSec     duration
     * @param preview         free preview
     * @param required        counts towards the course percentage
     * @param locked          whether the caller cannot open it now (not enrolled, or prerequisites unmet)
     * @param prerequisiteIds lessons to finish first
     */
    public record Lesson(UUID id, String title, LessonType type, int durationSec, boolean preview, boolean required,
                         boolean locked,
                         List<UUID> prerequisiteIds) {
    }

    /**
     * The caller's relation to the course.
     *
     * @param enrolled whether enrolled
     * @param canEdit  whether staff of this course (owner, co-instructor or admin)
     */
    public record Viewer(boolean enrolled, boolean canEdit) {
    }
}
