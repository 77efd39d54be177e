package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.util.UUID;

/**
 * A subscription plan: courses marked "included in subscription" for a monthly or annual price.
 *
 * @param id     plan id
 * @param name   name
 * @param period MONTHLY or ANNUAL
 * @param price  price per period, tax included
 * @param active whether new subscriptions may start
 */
public record Plan(UUID id, String name, String period, Money price, boolean active) {
}
