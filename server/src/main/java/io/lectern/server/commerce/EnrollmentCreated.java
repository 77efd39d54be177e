package io.lectern.server.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner gained access to a course.
 *
 * @param enrollmentId enrollment
 * @param userId       learner
 * @param courseId     course
 * @param source       FREE, PURCHASE, SUBSCRIPTION or ADMIN
 * @param paidMinor    what the wallet paid, tax included (0 unless purchased)
 * @param taxMinor     tax contained in it
 * @param currency     currency
 * @param at           when
 */
public record EnrollmentCreated(UUID enrollmentId, UUID userId, UUID courseId, String source, long paidMinor,
                                long taxMinor, String currency, Instant at) {
}
