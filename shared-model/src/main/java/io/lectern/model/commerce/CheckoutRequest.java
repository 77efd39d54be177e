package io.lectern.model.commerce;

/**
 * Topping up the wallet through a payment provider.
 *
 * @param provider    {@code stripe}, {@code razorpay} or {@code paystack} (see {@code GET /api/v1/payments/providers})
 * @param amountMinor how much, in the platform currency's minor units
 */
public record CheckoutRequest(String provider, Long amountMinor) {
}
