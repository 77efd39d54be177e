package io.lectern.model.commerce;

/**
 * An admin sets an instructor's or a course's share of sales.
 *
 * @param instructorPercent 0–100, or null to remove the override
 */
public record RevenueShareInput(Integer instructorPercent) {
}
