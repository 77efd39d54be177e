package io.lectern.model.learning;

import java.time.Instant;
import java.util.List;

/**
 * A quiz as its instructor writes it.
 *
 * @param title            title
 * @param timeLimitSec     time limit per attempt (the server owns the deadline); null for untimed
 * @param maxAttempts      attempts allowed; null for unlimited
 * @param passingPercent   score needed to pass (default 70)
 * @param shuffleQuestions new question order per attempt
 * @param shuffleOptions   new option order per attempt
 * @param feedback         IMMEDIATE, AFTER_DUE or NEVER: when learners see which answers were right
 * @param showAnswers      whether feedback includes the right answers
 * @param dueAt            due date (AFTER_DUE feedback)
 * @param questions        the questions
 */
public record QuizInput(String title, Integer timeLimitSec, Integer maxAttempts, Integer passingPercent,
                        Boolean shuffleQuestions, Boolean shuffleOptions, String feedback, Boolean showAnswers,
                        Instant dueAt, List<QuestionInput> questions) {
}
