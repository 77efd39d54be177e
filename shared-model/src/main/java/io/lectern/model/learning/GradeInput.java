package io.lectern.model.learning;

import java.util.Map;

/**
 * A rubric grade ({@code PUT /api/v1/submissions/{id}/grade}).
 *
 * @param rubric   the level chosen for each criterion: criterion id → level id
 * @param feedback comments for the learner
 * @param release  show the grade to the learner now (else later with {@code POST …/release})
 */
public record GradeInput(Map<String, String> rubric, String feedback, Boolean release) {
}
