package io.lectern.model.commerce;

/**
 * An admin's plan change; on PATCH absent fields stay.
 *
 * @param name        name (2–80)
 * @param period      MONTHLY or ANNUAL (create only)
 * @param priceMinor  price per period (create only; change by a new plan)
 * @param active      whether new subscriptions may start
 */
public record PlanInput(String name, String period, Long priceMinor, Boolean active) {
}
