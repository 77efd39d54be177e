package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;

/**
 * A learner's wallet.
 *
 * @param balance what they can spend
 */
public record Wallet(Money balance) {
}
