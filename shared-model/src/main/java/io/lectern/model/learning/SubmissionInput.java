package io.lectern.model.learning;

import java.util.List;
import java.util.UUID;

/**
 * A submission.
 *
 * @param text     the text answer
 * @param mediaIds uploaded files (purpose SUBMISSION, by the learner)
 */
public record SubmissionInput(String text, List<UUID> mediaIds) {
}
