package io.lectern.server.platform.events;

import io.helidon.dbclient.DbTransaction;
import java.util.UUID;

/**
 * One attempt to hand an outbox event to a listener.
 *
 * @param id      the outbox row id: stable across retries, usable as an idempotency key
 * @param attempt 1 for the first try
 * @param tx      the transaction that also marks the delivery done
 */
public record Delivery(UUID id, int attempt, DbTransaction tx) {
}
