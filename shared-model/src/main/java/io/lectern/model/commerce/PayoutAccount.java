package io.lectern.model.commerce;

import java.time.Instant;

/**
 * An instructor's payout account as shown back: masked, never in full.
 *
 * @param holderName account holder
 * @param masked     e.g. {@code DE89 •••• •••• 3000}
 * @param updatedAt  last change
 */
public record PayoutAccount(String holderName, String masked, Instant updatedAt) {
}
