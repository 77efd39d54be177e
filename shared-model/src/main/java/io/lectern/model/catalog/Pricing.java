package io.lectern.model.catalog;

/** How a course is paid for. */
public enum Pricing {
    /** Anyone may enrol at no cost; the price is zero. */
    FREE,
    /** A one-time price in minor units. */
    ONE_TIME,
    /** Included in a subscription; not sold on its own. */
    SUBSCRIPTION
}
