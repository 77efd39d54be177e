package io.lectern.model.catalog;

/**
 * A report that a review breaks the rules.
 *
 * @param reason  {@code spam}, {@code offensive}, {@code off_topic} or {@code other}
 * @param details what is wrong (≤ 1,000), optional
 */
public record AbuseReport(String reason, String details) {
}
