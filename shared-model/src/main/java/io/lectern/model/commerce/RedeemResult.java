package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;

/**
 * A redeemed voucher.
 *
 * @param credited what the voucher added
 * @param balance  the wallet afterwards
 */
public record RedeemResult(Money credited, Money balance) {
}
