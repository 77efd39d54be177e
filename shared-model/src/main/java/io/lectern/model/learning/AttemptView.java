package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A quiz attempt as its learner sees it: questions in this attempt's order (no answers given away), the saved
 * answers, the server's deadline and, once submitted, the result.
 *
 * @param id          attempt id
 * @param quizId      quiz
 * @param number      1 for the first attempt
 * @param status      IN_PROGRESS, AWAITING_REVIEW (an essay to grade) or GRADED
 * @param startedAt   start
 * @param deadline    the server's deadline, null when untimed
 * @param submittedAt submission (or auto-submission at the deadline)
 * @param autoSubmitted whether the deadline submitted it
 * @param questions   questions in attempt order
 * @param answers     saved answers by question id
 * @param result      score and feedback once graded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttemptView(UUID id, UUID quizId, int number, String status, Instant startedAt, Instant deadline,
                          Instant submittedAt, boolean autoSubmitted, List<Question> questions,
                          Map<String, Object> answers, Result result) {

    /**
     * A question without its answer.
     *
     * @param id      question id
     * @param type    type
     * @param prompt  prompt
     * @param points  points
     * @param options choices in this attempt's order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(UUID id, String type, String prompt, int points, List<Choice> options) {
    }

    /**
     * A choice.
     *
     * @param id   choice id
     * @param text text
     */
    public record Choice(String id, String text) {
    }

    /**
     * A graded attempt.
     *
     * @param score         points earned (essays count once graded)
     * @param maxScore      points possible
     * @param percent       score in percent
     * @param passed        at or above the passing score
     * @param feedback      per question, when the quiz's feedback timing allows
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(double score, double maxScore, int percent, boolean passed, List<Feedback> feedback) {
    }

    /**
     * One question's outcome.
     *
     * @param questionId    question
     * @param points        points earned (null while an essay awaits grading)
     * @param maxPoints     points possible
     * @param correct       fully right
     * @param correctAnswer the right answer, when the quiz shows answers
     * @param comment       the grader's comment
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feedback(UUID questionId, Double points, int maxPoints, Boolean correct, Object correctAnswer,
                           String comment) {
    }
}
