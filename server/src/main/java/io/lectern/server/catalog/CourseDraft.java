package io.lectern.server.catalog;

import io.lectern.model.catalog.CourseLevel;
import java.util.List;
import java.util.UUID;

/**
 * A whole course to create and publish in one go (demo seed, imports, benchmarks).
 *
 * @param slug        URL name
 * @param title       title
 * @param subtitle    one-line pitch
 * @param description Markdown description
 * @param category    category slug (must exist)
 * @param tags        tags (lower case)
 * @param level       level
 * @param language    teaching language
 * @param priceMinor  price in minor units; 0 is free
 * @param currency    ISO currency
 * @param instructors instructors in display order
 * @param sections    outline
 */
public record CourseDraft(String slug, String title, String subtitle, String description, String category,
                          List<String> tags, CourseLevel level, String language, long priceMinor, String currency,
                          List<Instructor> instructors, List<Section> sections) {

    public CourseDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * An instructor by id with the name to show.
     *
     * @param userId      user id
     * @param displayName name
     */
    public record Instructor(UUID userId, String displayName) {
    }

    /**
     * A section of the outline.
     *
     * @param title   title
     * @param lessons lessons in order
     */
    public record Section(String title, List<Lesson> lessons) {
    }

    /**
     * A lesson.
     *
     * @param title       title
     * @param type        VIDEO, ARTICLE, PDF, QUIZ, ASSIGNMENT, LIVE or EMBED
     * @param durationSec expected duration
     * @param preview     open to anyone
     * @param body        Markdown for articles
     */
    public record Lesson(String title, String type, int durationSec, boolean preview, String body) {
    }
}
