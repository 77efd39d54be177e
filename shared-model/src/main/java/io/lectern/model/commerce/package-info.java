/** Wallets, vouchers, enrollments, coupons, payments, earnings and payouts as the API speaks them. */
package io.lectern.model.commerce;
