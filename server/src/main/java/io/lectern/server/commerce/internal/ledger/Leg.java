package io.lectern.server.commerce.internal.ledger;

import java.util.UUID;

/**
 * One side of a posting: an amount onto an account (positive credits it, negative debits it).
 *
 * @param accountId account
 * @param kind      its kind (decides whether its kept balance moves)
 * @param amount    signed minor units, never zero
 */
public record Leg(UUID accountId, AccountKind kind, long amount) {
}
