package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A learner's enrollment in a course.
 *
 * @param id              enrollment id
 * @param courseId        course
 * @param courseTitle     course title at enrollment
 * @param status          ACTIVE, REFUNDED or REVOKED
 * @param source          FREE, PURCHASE, SUBSCRIPTION or ADMIN
 * @param listPrice       the course's price
 * @param discount        what a coupon took off
 * @param paid            what the wallet paid (tax included)
 * @param tax             tax contained in {@code paid}
 * @param invoiceId       the receipt for a purchase, or null
 * @param enrolledAt      when
 * @param refundableUntil until when a refund is possible, or null
 * @param progressPercent course completion, 0–100
 */
public record Enrollment(UUID id, UUID courseId, String courseTitle, String status, String source, Money listPrice,
                         Money discount, Money paid, Money tax, UUID invoiceId, Instant enrolledAt,
                         Instant refundableUntil, int progressPercent) {
}
