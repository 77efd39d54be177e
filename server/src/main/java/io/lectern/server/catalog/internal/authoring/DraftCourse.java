package io.lectern.server.catalog.internal.authoring;

import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.Pricing;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course's working copy (the draft instructors edit) and where it stands.
 *
 * @param id                course id
 * @param slug              URL name
 * @param title             title
 * @param subtitle          subtitle
 * @param description       Markdown
 * @param category          category slug
 * @param tags              tags
 * @param level             level
 * @param language          language tag
 * @param pricing           pricing
 * @param priceMinor        price in minor units
 * @param currency          ISO currency
 * @param thumbnailMediaId  cover image
 * @param ownerId           owner
 * @param instructors       owner first, then co-instructors
 * @param status            lifecycle state
 * @param revision          increases with every change
 * @param publishedRevision revision last published, or null
 * @param publishedVersion  number of publishes
 * @param updatedAt         last change
 * @param publishedAt       last publish
 */
public record DraftCourse(UUID id, String slug, String title, String subtitle, String description, String category,
                   List<String> tags, CourseLevel level, String language, Pricing pricing, long priceMinor,
                   String currency, UUID thumbnailMediaId, UUID ownerId, List<InstructorRef> instructors,
                   CourseStatus status, int revision, Integer publishedRevision, int publishedVersion,
                   Instant updatedAt, Instant publishedAt) {

    public DraftCourse {
        tags = List.copyOf(tags);
        instructors = List.copyOf(instructors);
    }

    public boolean hasUnpublishedChanges() {
        return publishedRevision == null || publishedRevision != revision;
    }

    public boolean isStaff(UUID userId) {
        return instructors.stream().anyMatch(i -> i.id().equals(userId));
    }

}
