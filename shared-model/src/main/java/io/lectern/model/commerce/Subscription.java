package io.lectern.model.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner's subscription.
 *
 * @param id                subscription id
 * @param plan              its plan
 * @param status            ACTIVE, PAST_DUE (renewal failed, access until {@code graceUntil}), LAPSED or CANCELLED
 * @param currentPeriodEnd  when the paid period ends (and the next renewal is due)
 * @param graceUntil        end of access after a failed renewal, or null
 * @param cancelAtPeriodEnd whether it ends instead of renewing
 */
public record Subscription(UUID id, Plan plan, String status, Instant currentPeriodEnd, Instant graceUntil,
                           boolean cancelAtPeriodEnd) {
}
