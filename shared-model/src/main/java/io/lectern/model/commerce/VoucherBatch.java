package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A batch of voucher codes.
 *
 * @param id        batch id
 * @param count     codes in it
 * @param redeemed  codes redeemed so far
 * @param amount    value of each code
 * @param expiresAt when unredeemed codes stop working, or null
 * @param note      what it is for
 * @param createdAt when it was made
 * @param revokedAt when an admin revoked it, or null
 */
public record VoucherBatch(UUID id, int count, int redeemed, Money amount, Instant expiresAt, String note,
                           Instant createdAt, Instant revokedAt) {
}
