package io.lectern.server.learning;

import java.util.UUID;

/**
 * A quiz attempt was graded (at submission, at the deadline, or when its essays were marked).
 *
 * @param userId    learner
 * @param quizId    quiz
 * @param attemptId attempt
 * @param percent   score in percent
 * @param passed    at or above the passing score
 */
public record QuizGraded(UUID userId, UUID quizId, UUID attemptId, int percent, boolean passed) {
}
