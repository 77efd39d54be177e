package io.lectern.model.commerce;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A top-up in progress: send the learner to the provider, then poll until it is PAID.
 *
 * @param paymentId   our payment id
 * @param provider    provider
 * @param providerRef the provider's checkout session or order id
 * @param status      CREATED, PAID or FAILED
 * @param amount      amount
 * @param redirectUrl Stripe, PayStack: the hosted checkout page
 * @param keyId       Razorpay: the public key for its checkout widget
 * @param createdAt   when it started
 * @param paidAt      when the provider confirmed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkout(UUID paymentId, String provider, String providerRef, String status, Money amount,
                       String redirectUrl, String keyId, Instant createdAt, Instant paidAt) {
}
