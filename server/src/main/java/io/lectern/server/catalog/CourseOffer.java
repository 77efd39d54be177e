package io.lectern.server.catalog;

import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.Pricing;
import java.util.List;
import java.util.UUID;

/**
 * What commerce needs to sell a course: its published terms and who teaches it.
 *
 * @param courseId      course
 * @param title         published title
 * @param status        published or archived
 * @param pricing       free, one-time or subscription
 * @param priceMinor    one-time price in minor units
 * @param currency      price currency
 * @param ownerId       owner, who receives the instructor share
 * @param instructorIds owner and co-instructors
 */
public record CourseOffer(UUID courseId, String title, CourseStatus status, Pricing pricing, long priceMinor,
                          String currency, UUID ownerId, List<UUID> instructorIds) {

    public CourseOffer {
        instructorIds = List.copyOf(instructorIds);
    }

    public boolean isStaff(UUID userId) {
        return instructorIds.contains(userId);
    }
}
