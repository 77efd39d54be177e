package io.lectern.server.learning.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Learning's part of duplicating a course (the catalog's {@link io.lectern.server.catalog.CourseCopier}): each quiz of
 * the course with its questions and settings under a new id, each assignment under its lesson's new id with its
 * settings and rubric, and the certificate design. Learners' attempts, submissions and certificates stay with the
 * original.
 */
final class CourseCopies {

    private final Ids ids;
    private final Clock clock;

    CourseCopies(Ids ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    Map<UUID, UUID> copy(DbExecute tx, UUID from, UUID to, Map<UUID, UUID> lessons) {
        Map<UUID, UUID> quizzes = new LinkedHashMap<>();
        try (var rows = tx.query("SELECT id FROM learning.quizzes WHERE course_id = ? ORDER BY created_at, id", from)) {
            rows.forEach(r -> quizzes.put(Rows.uuid(r, "id"), ids.next()));
        }
        var now = Rows.param(clock.instant());
        if (!quizzes.isEmpty()) {
            tx.insert("""
                    INSERT INTO learning.quizzes (id, course_id, title, time_limit_sec, max_attempts, passing_percent,
                           shuffle_questions, shuffle_options, feedback, show_answers, due_at, questions, created_by,
                           created_at, updated_at)
                    SELECT m.copy, ?, q.title, q.time_limit_sec, q.max_attempts, q.passing_percent, q.shuffle_questions,
                           q.shuffle_options, q.feedback, q.show_answers, q.due_at, q.questions, q.created_by, ?, ?
                      FROM learning.quizzes q JOIN unnest(?::uuid[], ?::uuid[]) AS m(original, copy) ON q.id = m.original""",
                    to, now, now, Rows.uuidArray(quizzes.keySet()), Rows.uuidArray(quizzes.values()));
        }
        if (!lessons.isEmpty()) {
            List<UUID> originals = List.copyOf(lessons.keySet());
            tx.insert("""
                    INSERT INTO learning.assignments (id, course_id, instructions, due_at, time_zone, late_policy,
                           late_penalty_percent, allow_text, allow_files, max_submissions, completes_on, passing_percent,
                           rubric, updated_at)
                    SELECT m.copy, ?, a.instructions, a.due_at, a.time_zone, a.late_policy, a.late_penalty_percent,
                           a.allow_text, a.allow_files, a.max_submissions, a.completes_on, a.passing_percent, a.rubric, ?
                      FROM learning.assignments a JOIN unnest(?::uuid[], ?::uuid[]) AS m(original, copy) ON a.id = m.original""",
                    to, now, Rows.uuidArray(originals), Rows.uuidArray(originals.stream().map(lessons::get).toList()));
        }
        tx.insert("""
                INSERT INTO learning.certificate_templates (course_id, accent, wording, signer_name, signer_title,
                       logo_media_id, signature_media_id, updated_at)
                SELECT ?, accent, wording, signer_name, signer_title, logo_media_id, signature_media_id, ?
                  FROM learning.certificate_templates WHERE course_id = ?""", to, now, from);
        return quizzes;
    }
}
