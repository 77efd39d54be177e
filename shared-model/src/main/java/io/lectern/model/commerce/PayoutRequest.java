package io.lectern.model.commerce;

/**
 * An instructor asks to be paid.
 *
 * @param amountMinor how much; null for everything available
 */
public record PayoutRequest(Long amountMinor) {
}
