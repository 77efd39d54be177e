package io.lectern.model.commerce;

import java.time.Instant;

/**
 * An admin's new batch of voucher codes.
 *
 * @param count       how many codes (1–10,000)
 * @param amountMinor value of each code in minor units
 * @param expiresAt   when unredeemed codes stop working, optional
 * @param note        what the batch is for (≤ 200)
 */
public record VoucherBatchRequest(Integer count, Long amountMinor, Instant expiresAt, String note) {
}
