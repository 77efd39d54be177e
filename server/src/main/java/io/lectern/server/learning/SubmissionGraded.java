package io.lectern.server.learning;

import java.util.UUID;

/**
 * An assignment grade was released to its learner.
 *
 * @param userId       learner
 * @param assignmentId assignment (its lesson)
 * @param submissionId submission
 * @param percent      grade in percent
 * @param passed       at or above the passing grade
 */
public record SubmissionGraded(UUID userId, UUID assignmentId, UUID submissionId, int percent, boolean passed) {
}
