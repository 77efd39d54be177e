package io.lectern.model.commerce;

import java.time.Instant;
import java.util.UUID;

/**
 * One movement of a wallet.
 *
 * @param transactionId ledger transaction
 * @param kind          e.g. VOUCHER, TOPUP, SALE, REFUND, SUBSCRIPTION
 * @param amountMinor   signed: positive credits the wallet, negative debits it
 * @param currency      currency
 * @param memo          what it was for
 * @param at            when
 */
public record WalletTransaction(UUID transactionId, String kind, long amountMinor, String currency, String memo,
                                Instant at) {
}
