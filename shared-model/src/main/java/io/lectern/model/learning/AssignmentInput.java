package io.lectern.model.learning;

import java.util.List;

/**
 * The settings of an assignment lesson ({@code PUT /api/v1/lessons/{id}/assignment}).
 *
 * @param instructions       Markdown (default: the lesson's instructions)
 * @param dueLocal           due date and time as the instructor means it, e.g. {@code 2026-12-01T23:59}
 * @param timeZone           the IANA zone {@code dueLocal} is in (default UTC)
 * @param latePolicy         ACCEPT, PENALTY or REJECT submissions after the due date
 * @param latePenaltyPercent PENALTY: points taken off a late submission, in percent
 * @param allowText          text answers allowed
 * @param allowFiles         file answers allowed (uploads with purpose SUBMISSION)
 * @param maxSubmissions     submissions allowed (1 = no resubmission)
 * @param completesOn        SUBMITTED (the lesson completes on submission) or PASSED (on a released passing grade)
 * @param passingPercent     grade needed to pass
 * @param rubric             criteria with levels and their points
 */
public record AssignmentInput(String instructions, String dueLocal, String timeZone, String latePolicy,
                              Integer latePenaltyPercent, Boolean allowText, Boolean allowFiles, Integer maxSubmissions,
                              String completesOn, Integer passingPercent, List<Criterion> rubric) {

    /**
     * A rubric criterion.
     *
     * @param title  what is judged
     * @param levels achievement levels
     */
    public record Criterion(String title, List<Level> levels) {
    }

    /**
     * A level of a criterion.
     *
     * @param title  e.g. "Excellent"
     * @param points points it gives
     */
    public record Level(String title, Integer points) {
    }
}
