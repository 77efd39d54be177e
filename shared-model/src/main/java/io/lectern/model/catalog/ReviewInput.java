package io.lectern.model.catalog;

/**
 * A learner's review of a course.
 *
 * @param rating 1 to 5 stars
 * @param body   text (≤ 5,000), may be empty
 */
public record ReviewInput(Integer rating, String body) {
}
