package io.lectern.model.commerce;

/**
 * Enrolling in a course; send an {@code Idempotency-Key} header so a retry never pays twice.
 *
 * @param couponCode a coupon to apply, optional
 */
public record EnrollRequest(String couponCode) {
}
