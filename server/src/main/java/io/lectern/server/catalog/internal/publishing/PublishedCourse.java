package io.lectern.server.catalog.internal.publishing;

import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.InstructorRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course's published snapshot.
 *
 * @param summary          the card fields
 * @param status           published or archived
 * @param version          published version
 * @param ownerId          owner
 * @param description      Markdown
 * @param descriptionHtml  sanitised HTML
 * @param categoryName     category display name
 * @param categoryPosition category sort order
 * @param tags             tags
 * @param instructors      instructors with their roles
 * @param instructorIds    instructor ids
 * @param ratingHistogram  visible reviews with 1..5 stars
 * @param publishedAt      last publish
 */
public record PublishedCourse(CourseSummary summary, CourseStatus status, int version, UUID ownerId, String description,
                       String descriptionHtml, String categoryName, int categoryPosition, List<String> tags,
                       List<InstructorRef> instructors, List<UUID> instructorIds, List<Integer> ratingHistogram,
                       Instant publishedAt) {

    public UUID id() {
        return summary.id();
    }

    public boolean isStaff(UUID userId) {
        return instructorIds.contains(userId);
    }
}
