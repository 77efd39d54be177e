package io.lectern.model.commerce;

import java.util.UUID;

/**
 * Subscribing, paid from the wallet; send an {@code Idempotency-Key}.
 *
 * @param planId the plan
 */
public record SubscribeRequest(UUID planId) {
}
