package io.lectern.server.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A learner reviewed a course for the first time.
 *
 * @param reviewId review
 * @param courseId course
 * @param authorId learner
 * @param rating   stars, 1 to 5
 * @param postedAt when
 */
public record ReviewPosted(UUID reviewId, UUID courseId, UUID authorId, int rating, Instant postedAt) {
}
