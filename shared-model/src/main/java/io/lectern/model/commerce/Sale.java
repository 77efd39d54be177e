package io.lectern.model.commerce;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One enrollment as its course's staff and admins see it when looking for what to refund.
 *
 * @param enrollmentId    the enrollment (refund it at {@code POST /api/v1/enrollments/{id}/refund})
 * @param courseId        course
 * @param courseTitle     course title at purchase
 * @param learnerId       learner
 * @param learnerName     learner's display name
 * @param learnerEmail    learner's address (admins only)
 * @param status          ACTIVE, REFUNDED or REVOKED
 * @param source          FREE, PURCHASE, SUBSCRIPTION or ADMIN
 * @param paid            paid, tax included
 * @param enrolledAt      when
 * @param refundableUntil end of the refund window
 * @param refundable      whether a refund is possible now
 * @param receipt         the receipt's number, once issued
 * @param creditNote      the credit note's number, after a refund
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sale(UUID enrollmentId, UUID courseId, String courseTitle, UUID learnerId, String learnerName,
                   String learnerEmail, String status, String source, Money paid, Instant enrolledAt,
                   Instant refundableUntil, boolean refundable, String receipt, String creditNote) {
}
