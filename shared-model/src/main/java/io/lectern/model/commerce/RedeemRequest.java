package io.lectern.model.commerce;

/**
 * A voucher code to redeem.
 *
 * @param code the code as printed (hyphens, spaces and lower case are fine)
 */
public record RedeemRequest(String code) {
}
