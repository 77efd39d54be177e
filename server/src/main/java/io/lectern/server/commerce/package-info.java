/**
 * Commerce: the double-entry ledger (schema {@code commerce}), wallets, vouchers, enrollments, coupons, refunds,
 * revenue share, earnings and payouts, gateway top-ups and subscriptions. Public face:
 * {@link io.lectern.server.commerce.CommerceService} and its events.
 */
package io.lectern.server.commerce;
