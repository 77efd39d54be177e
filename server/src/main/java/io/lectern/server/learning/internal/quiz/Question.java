package io.lectern.server.learning.internal.quiz;

import java.util.List;
import java.util.UUID;

/**
 * A stored question with its answer (kept in {@code quizzes.questions}).
 *
 * @param id            question id
 * @param type          SINGLE, MULTIPLE, TRUE_FALSE, FILL_BLANK, NUMERIC or ESSAY
 * @param prompt        prompt
 * @param points        points
 * @param options       choices with ids
 * @param correct       TRUE_FALSE answer
 * @param accepted      FILL_BLANK answers
 * @param caseSensitive FILL_BLANK case rule
 * @param numeric       NUMERIC answer
 * @param tolerance     NUMERIC tolerance
 * @param partialCredit MULTIPLE partial credit
 */
record Question(UUID id, String type, String prompt, int points, List<Choice> options, Boolean correct,
                List<String> accepted, boolean caseSensitive, Double numeric, double tolerance, boolean partialCredit) {

    /**
     * A choice.
     *
     * @param id      choice id (short, stable)
     * @param text    text
     * @param correct right or not
     */
    record Choice(String id, String text, boolean correct) {
    }
}
