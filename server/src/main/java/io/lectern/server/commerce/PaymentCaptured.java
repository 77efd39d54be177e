package io.lectern.server.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment provider confirmed a wallet top-up, and the wallet was credited.
 *
 * @param paymentId   payment
 * @param userId      learner
 * @param provider    {@code stripe}, {@code razorpay}, {@code paystack}
 * @param amountMinor amount
 * @param currency    currency
 * @param at          when it was credited
 */
public record PaymentCaptured(UUID paymentId, UUID userId, String provider, long amountMinor, String currency,
                              Instant at) {
}
