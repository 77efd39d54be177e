package io.lectern.model.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published course as a catalog card shows it.
 *
 * @param id               course id
 * @param slug             URL name
 * @param title            title
 * @param subtitle         one-line pitch
 * @param category         category slug
 * @param level            expected prior knowledge
 * @param language         BCP 47 language tag of the teaching
 * @param pricing          how it is paid for
 * @param price            price; amount zero means free
 * @param thumbnailMediaId cover image
 * @param instructors      display names of the instructors
 * @param rating           mean stars (0 without reviews)
 * @param ratingCount      visible reviews
 * @param enrollmentCount  learners enrolled
 * @param lessonCount      lessons in the published outline
 * @param durationSec      total duration
 * @param publishedAt      when it was first published
 */
public record CourseSummary(UUID id, String slug, String title, String subtitle, String category, CourseLevel level,
                            String language, Pricing pricing, Money price, UUID thumbnailMediaId,
                            List<String> instructors, double rating, int ratingCount, long enrollmentCount,
                            int lessonCount, int durationSec, Instant publishedAt) {

    public CourseSummary {
        instructors = instructors == null ? List.of() : List.copyOf(instructors);
    }
}
