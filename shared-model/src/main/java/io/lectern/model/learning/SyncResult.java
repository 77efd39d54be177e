package io.lectern.model.learning;

import java.util.List;

/**
 * What a sync did and what changed on the server since the client's cursor.
 *
 * @param applied    event ids applied now
 * @param duplicates event ids applied before (nothing done again)
 * @param rejected   events refused, each with the reason and what the learner can do
 * @param progress   lesson progress changed since the cursor
 * @param notes      notes changed since the cursor (tombstones included)
 * @param cursor     give this back next time
 */
public record SyncResult(List<String> applied, List<String> duplicates, List<Rejected> rejected,
                         List<SyncedProgress> progress, List<Note> notes, String cursor) {

    /**
     * A refused event.
     *
     * @param id     event id
     * @param code   stable code
     * @param reason in words a learner can act on
     */
    public record Rejected(String id, String code, String reason) {
    }

    /**
     * A lesson's server state.
     *
     * @param courseId course
     * @param progress the lesson's progress
     */
    public record SyncedProgress(java.util.UUID courseId, LessonProgress progress) {
    }
}
