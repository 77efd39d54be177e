package io.lectern.model.catalog;

/**
 * An admin hides or shows a review again.
 *
 * @param hidden whether learners stop seeing it
 * @param reason why (required when hiding, ≤ 500), shown to the author
 */
public record ReviewModeration(Boolean hidden, String reason) {
}
