package io.lectern.model.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon.
 *
 * @param id           coupon id
 * @param code         code
 * @param kind         PERCENT or FIXED
 * @param value        percent or minor units off
 * @param courseId     course, or null for all
 * @param maxUses      cap, or null
 * @param perUserLimit uses per learner
 * @param used         uses so far
 * @param expiresAt    expiry, or null
 * @param active       whether it can be used
 * @param createdAt    when it was made
 */
public record Coupon(UUID id, String code, String kind, long value, UUID courseId, Integer maxUses, int perUserLimit,
                     int used, Instant expiresAt, boolean active, Instant createdAt) {
}
