package io.lectern.model.commerce;

import java.time.Instant;

/**
 * Proof that the books balance.
 *
 * @param balanced               whether every check passed
 * @param sum                    sum of all entries (0 when balanced)
 * @param transactions           ledger transactions
 * @param entries                ledger entries
 * @param unbalancedTransactions transactions whose entries do not sum to zero
 * @param driftedAccounts        accounts whose kept balance differs from the sum of their entries
 * @param negativeAccounts       wallets or earnings below zero
 * @param checkedAt              when
 */
public record LedgerCheck(boolean balanced, long sum, long transactions, long entries, long unbalancedTransactions,
                          long driftedAccounts, long negativeAccounts, Instant checkedAt) {
}
