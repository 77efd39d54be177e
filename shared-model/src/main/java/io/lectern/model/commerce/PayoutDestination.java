package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.util.UUID;

/**
 * Where a payout goes, in full, for the admin who pays it ({@code POST /api/v1/admin/payouts/{id}/destination} after
 * re-entering their password). The details are those the instructor had when they asked for the payout.
 *
 * @param payoutId       payout
 * @param instructorId   instructor
 * @param instructorName instructor's display name
 * @param amount         what to transfer
 * @param holderName     account holder
 * @param iban           IBAN, or null
 * @param accountNumber  account number (when there is no IBAN)
 * @param routingCode    routing, sort or IFSC code with an account number
 * @param bankName       bank, if given
 */
public record PayoutDestination(UUID payoutId, UUID instructorId, String instructorName, Money amount,
                                String holderName, String iban, String accountNumber, String routingCode,
                                String bankName) {
}
