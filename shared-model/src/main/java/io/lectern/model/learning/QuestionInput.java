package io.lectern.model.learning;

import java.util.List;

/**
 * One question of a quiz.
 *
 * @param type            SINGLE, MULTIPLE, TRUE_FALSE, FILL_BLANK, NUMERIC or ESSAY
 * @param prompt          the question (Markdown)
 * @param points          points it is worth (default 1)
 * @param options         SINGLE/MULTIPLE: the choices, some marked correct
 * @param correct         TRUE_FALSE: the right answer
 * @param acceptedAnswers FILL_BLANK: every accepted answer
 * @param caseSensitive   FILL_BLANK: whether case matters (whitespace never does)
 * @param numericAnswer   NUMERIC: the right value
 * @param tolerance       NUMERIC: how far off still counts
 * @param partialCredit   MULTIPLE: credit for partly right selections
 */
public record QuestionInput(String type, String prompt, Integer points, List<Option> options, Boolean correct,
                            List<String> acceptedAnswers, Boolean caseSensitive, Double numericAnswer, Double tolerance,
                            Boolean partialCredit) {

    /**
     * A choice.
     *
     * @param text    what it says
     * @param correct whether choosing it is right
     */
    public record Option(String text, Boolean correct) {
    }
}
