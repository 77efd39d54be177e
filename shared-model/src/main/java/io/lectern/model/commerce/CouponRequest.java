package io.lectern.model.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * A new coupon.
 *
 * @param code         what learners type (3–32 letters, digits, - or _; stored upper case)
 * @param kind         PERCENT or FIXED
 * @param value        percent off (1–100) or minor units off
 * @param courseId     the course it applies to; null (admins only) for every paid course
 * @param maxUses      total uses allowed, or null for no cap
 * @param perUserLimit uses per learner (default 1)
 * @param expiresAt    when it stops working, optional
 */
public record CouponRequest(String code, String kind, Long value, UUID courseId, Integer maxUses, Integer perUserLimit,
                            Instant expiresAt) {
}
