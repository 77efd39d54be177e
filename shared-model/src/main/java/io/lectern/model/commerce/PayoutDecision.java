package io.lectern.model.commerce;

/**
 * An admin's decision on a payout.
 *
 * @param reference the bank transfer's reference (required to mark it paid, ≤ 100)
 * @param note      a note to the instructor (≤ 500), e.g. why it was rejected
 */
public record PayoutDecision(String reference, String note) {
}
