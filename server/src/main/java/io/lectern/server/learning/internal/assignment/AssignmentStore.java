package io.lectern.server.learning.internal.assignment;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.learning.AssignmentInput;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of learning.assignments, learning.submissions and learning.assignment_drafts. */
public final class AssignmentStore {

    /**
     * A stored assignment (its id is its lesson's).
     *
     * @param id                 id
     * @param courseId           course
     * @param instructions       instructions
     * @param dueAt              due date, or null
     * @param timeZone           the zone the due date was set in
     * @param latePolicy         ACCEPT, PENALTY or REJECT
     * @param latePenaltyPercent penalty on late work
     * @param allowText          text answers taken
     * @param allowFiles         files taken
     * @param maxSubmissions     submissions allowed per learner
     * @param completesOn        SUBMITTED or PASSED
     * @param passingPercent     passing grade
     * @param rubric             the rubric's JSON
     */
    record Assignment(UUID id, UUID courseId, String instructions, Instant dueAt, String timeZone, String latePolicy,
                      Integer latePenaltyPercent, boolean allowText, boolean allowFiles, Integer maxSubmissions,
                      String completesOn, Integer passingPercent, String rubric) {
    }

    /**
     * A stored submission.
     *
     * @param id           id
     * @param assignmentId assignment
     * @param userId       learner
     * @param number       the learner's n-th submission of the assignment
     * @param body         text answer, or null
     * @param mediaIds     handed-in files
     * @param submittedAt  when
     * @param late         after the due date
     * @param status       SUBMITTED, GRADED or RELEASED
     * @param points       points given, or null
     * @param maxPoints    points possible, or null
     * @param feedback     the grader's feedback
     * @param rubricScores the levels chosen, as JSON, or null
     */
    record Submission(UUID id, UUID assignmentId, UUID userId, Integer number, String body, List<UUID> mediaIds,
                      Instant submittedAt, boolean late, String status, Double points, Double maxPoints,
                      String feedback, String rubricScores) {
    }

    /**
     * A submission locked for grading or release, with what its assignment says about grades.
     *
     * @param submission         the submission
     * @param courseId           the assignment's course
     * @param rubric             the rubric's JSON (null when locked for release)
     * @param latePolicy         the late policy (null when locked for release)
     * @param latePenaltyPercent the late penalty (null when locked for release)
     * @param completesOn        SUBMITTED or PASSED
     * @param passingPercent     passing grade
     */
    record Grading(Submission submission, UUID courseId, String rubric, String latePolicy, Integer latePenaltyPercent,
                   String completesOn, Integer passingPercent) {
    }

    /**
     * An offline draft.
     *
     * @param body       text
     * @param clientTime when the client saved it
     */
    record Draft(String body, Instant clientTime) {
    }

    /** The courses a file was handed in to by its owner. */
    List<UUID> coursesHandedInTo(DbExecute db, UUID mediaId, UUID ownerId) {
        try (var rows = db.query("""
                SELECT DISTINCT a.course_id FROM learning.submissions s JOIN learning.assignments a ON a.id = s.assignment_id
                 WHERE s.media_ids @> ARRAY[?::uuid] AND s.user_id = ?""", mediaId, ownerId)) {
            return rows.map(r -> Rows.uuid(r, "course_id")).toList();
        }
    }

    /** Whether a file was handed in with any submission. */
    boolean handedIn(DbExecute db, UUID mediaId) {
        return db.get("SELECT 1 FROM learning.submissions WHERE media_ids @> ARRAY[?::uuid] LIMIT 1", mediaId)
                .isPresent();
    }

    /** Creates or replaces an assignment's settings; settings left out take their defaults. */
    void save(DbExecute db, UUID id, UUID courseId, AssignmentInput in, Instant due, String timeZone, String rubric,
              Instant now) {
        db.update("""
                INSERT INTO learning.assignments AS a (id, course_id, instructions, due_at, time_zone, late_policy,
                       late_penalty_percent, allow_text, allow_files, max_submissions, completes_on, passing_percent,
                       rubric, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (id) DO UPDATE SET instructions = excluded.instructions, due_at = excluded.due_at,
                       time_zone = excluded.time_zone, late_policy = excluded.late_policy,
                       late_penalty_percent = excluded.late_penalty_percent, allow_text = excluded.allow_text,
                       allow_files = excluded.allow_files, max_submissions = excluded.max_submissions,
                       completes_on = excluded.completes_on, passing_percent = excluded.passing_percent,
                       rubric = excluded.rubric, updated_at = excluded.updated_at""", id, courseId,
                in.instructions() == null ? "" : in.instructions(), Rows.param(due), timeZone,
                in.latePolicy() == null ? "ACCEPT" : in.latePolicy(), in.latePenaltyPercent() == null ? 0
                : in.latePenaltyPercent(), !Boolean.FALSE.equals(in.allowText()), !Boolean.FALSE.equals(in.allowFiles()),
                in.maxSubmissions() == null ? 1 : in.maxSubmissions(), in.completesOn() == null ? "SUBMITTED"
                : in.completesOn(), in.passingPercent() == null ? 50 : in.passingPercent(), rubric, Rows.param(now));
    }

    Optional<Assignment> find(DbExecute db, UUID id) {
        return db.get("SELECT * FROM learning.assignments WHERE id = ?", id).map(AssignmentStore::assignment);
    }

    /** The course of an assignment, if it exists. */
    Optional<UUID> courseOf(DbExecute db, UUID id) {
        return db.get("SELECT course_id FROM learning.assignments WHERE id = ?", id)
                .map(r -> Rows.uuid(r, "course_id"));
    }

    /** A learner's saved draft of an assignment. */
    Optional<Draft> draft(DbExecute db, UUID userId, UUID assignmentId) {
        return db.get("SELECT body, client_time FROM learning.assignment_drafts WHERE user_id = ? AND "
                + "assignment_id = ?", userId, assignmentId).map(d -> new Draft(Rows.text(d, "body"),
                Rows.instant(d, "client_time")));
    }

    /** Keeps a draft, unless the one stored is newer by client time. */
    void saveDraft(DbExecute tx, UUID userId, UUID assignmentId, String body, Instant clientTime) {
        tx.update("""
                INSERT INTO learning.assignment_drafts AS d (user_id, assignment_id, body, client_time)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, assignment_id) DO UPDATE SET body = excluded.body, client_time = excluded.client_time
                 WHERE excluded.client_time > d.client_time""", userId, assignmentId, body, Rows.param(clientTime));
    }

    /** Takes a learner's turn to submit an assignment, held until the transaction ends. */
    void lockSubmitting(DbExecute tx, UUID assignmentId, UUID userId) {
        tx.get("SELECT pg_advisory_xact_lock(hashtext(?))", "submission:" + assignmentId + ":" + userId);
    }

    long countSubmissions(DbExecute db, UUID assignmentId, UUID userId) {
        return db.get("SELECT count(*) AS n FROM learning.submissions WHERE assignment_id = ? AND user_id = ?",
                assignmentId, userId).map(r -> Rows.number(r, "n")).orElse(0L);
    }

    void insertSubmission(DbExecute tx, UUID id, UUID assignmentId, UUID userId, int number, String body,
                          List<UUID> files, Instant submittedAt, boolean late) {
        tx.insert("""
                INSERT INTO learning.submissions (id, assignment_id, user_id, number, body, media_ids, submitted_at,
                                                  late, status)
                VALUES (?, ?, ?, ?, ?, ?::uuid[], ?, ?, 'SUBMITTED')""", id, assignmentId, userId, number,
                body, files.stream().map(UUID::toString).toArray(String[]::new),
                Rows.param(submittedAt), late);
    }

    /** A submission locked for grading, with its assignment's rubric, late policy and passing grade. */
    Optional<Grading> lockForGrading(DbExecute tx, UUID id) {
        return tx.get("SELECT s.*, a.course_id, a.rubric, a.late_policy, a.late_penalty_percent, a.completes_on, "
                + "a.passing_percent FROM learning.submissions s JOIN learning.assignments a ON a.id = s.assignment_id "
                + "WHERE s.id = ? FOR UPDATE OF s", id).map(r -> new Grading(submission(r), Rows.uuid(r, "course_id"),
                Rows.text(r, "rubric"), Rows.text(r, "late_policy"), Rows.integer(r, "late_penalty_percent"),
                Rows.text(r, "completes_on"), Rows.integer(r, "passing_percent")));
    }

    /** A submission locked for releasing its grade, with its assignment's passing grade. */
    Optional<Grading> lockForRelease(DbExecute tx, UUID id) {
        return tx.get("SELECT s.*, a.course_id, a.completes_on, a.passing_percent FROM learning.submissions s "
                + "JOIN learning.assignments a ON a.id = s.assignment_id WHERE s.id = ? FOR UPDATE OF s", id)
                .map(r -> new Grading(submission(r), Rows.uuid(r, "course_id"), null, null, null,
                        Rows.text(r, "completes_on"), Rows.integer(r, "passing_percent")));
    }

    /** Stores a grade; {@code release} also releases it to the learner. */
    void grade(DbExecute tx, UUID id, String status, String rubricScores, double points, int maxPoints, String feedback,
               UUID gradedBy, Instant at, boolean release) {
        tx.update("""
                UPDATE learning.submissions SET status = ?, rubric_scores = ?::jsonb, points = ?, max_points = ?,
                       feedback = ?, graded_by = ?, graded_at = ?, released_at = CASE WHEN ? THEN ? END
                 WHERE id = ?""", status, rubricScores, points, maxPoints, feedback, gradedBy, Rows.param(at), release,
                Rows.param(at), id);
    }

    void release(DbExecute tx, UUID id, Instant at) {
        tx.update("UPDATE learning.submissions SET status = 'RELEASED', released_at = ? WHERE id = ?",
                Rows.param(at), id);
    }

    Optional<Submission> findSubmission(DbExecute db, UUID id) {
        return db.get("SELECT * FROM learning.submissions WHERE id = ?", id).map(AssignmentStore::submission);
    }

    /** A learner's submissions of an assignment, in order. */
    List<Submission> submissionsOf(DbExecute db, UUID assignmentId, UUID userId) {
        try (var rows = db.query("SELECT * FROM learning.submissions WHERE assignment_id = ? "
                + "AND user_id = ? ORDER BY number", assignmentId, userId)) {
            return rows.map(AssignmentStore::submission).toList();
        }
    }

    /** A course's submissions waiting for a grade, oldest first. */
    List<Submission> queue(DbExecute db, UUID courseId) {
        try (var rows = db.query("""
                SELECT s.* FROM learning.submissions s JOIN learning.assignments a ON a.id = s.assignment_id
                 WHERE a.course_id = ? AND s.status = 'SUBMITTED' ORDER BY s.submitted_at""", courseId)) {
            return rows.map(AssignmentStore::submission).toList();
        }
    }

    /** Every submission of an assignment, by learner and number. */
    List<Submission> ofAssignment(DbExecute db, UUID assignmentId) {
        try (var rows = db.query("SELECT * FROM learning.submissions WHERE assignment_id = ? "
                + "ORDER BY user_id, number", assignmentId)) {
            return rows.map(AssignmentStore::submission).toList();
        }
    }

    /**
     * Copies assignments with their settings and rubrics into another course.
     *
     * @param lessons each original lesson's id to its copy's (an assignment's id is its lesson's)
     */
    public void copyToCourse(DbExecute tx, UUID to, Map<UUID, UUID> lessons, Instant now) {
        List<UUID> originals = List.copyOf(lessons.keySet());
        tx.insert("""
                INSERT INTO learning.assignments (id, course_id, instructions, due_at, time_zone, late_policy,
                       late_penalty_percent, allow_text, allow_files, max_submissions, completes_on, passing_percent,
                       rubric, updated_at)
                SELECT m.copy, ?, a.instructions, a.due_at, a.time_zone, a.late_policy, a.late_penalty_percent,
                       a.allow_text, a.allow_files, a.max_submissions, a.completes_on, a.passing_percent, a.rubric, ?
                  FROM learning.assignments a JOIN unnest(?::uuid[], ?::uuid[]) AS m(original, copy) ON a.id = m.original""",
                to, Rows.param(now), Rows.uuidArray(originals), Rows.uuidArray(originals.stream().map(lessons::get).toList()));
    }

    /** A learner's submissions with their grades and feedback, for their data export. */
    public List<Map<String, Object>> exportSubmissions(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT id, assignment_id, number, body, media_ids, submitted_at, late, status, "
                + "points, max_points, feedback, released_at FROM learning.submissions WHERE user_id = ? "
                + "ORDER BY submitted_at", userId);
    }

    /** A learner's offline drafts, for their data export. */
    public List<Map<String, Object>> exportDrafts(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT assignment_id, body, client_time FROM learning.assignment_drafts "
                + "WHERE user_id = ?", userId);
    }

    /** The grades a person gave, for their data export. */
    public List<Map<String, Object>> exportGradedBy(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT id AS submission_id, points, max_points, graded_at FROM "
                + "learning.submissions WHERE graded_by = ? ORDER BY graded_at", userId);
    }

    /** Deletes a learner's drafts and submissions (account deletion). */
    public void eraseFor(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.assignment_drafts WHERE user_id = ?", userId);
        tx.dml("DELETE FROM learning.submissions WHERE user_id = ?", userId);
    }

    private static Assignment assignment(DbRow r) {
        return new Assignment(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), Rows.text(r, "instructions"),
                Rows.instant(r, "due_at"), Rows.text(r, "time_zone"), Rows.text(r, "late_policy"),
                Rows.integer(r, "late_penalty_percent"), Rows.flag(r, "allow_text"), Rows.flag(r, "allow_files"),
                Rows.integer(r, "max_submissions"), Rows.text(r, "completes_on"), Rows.integer(r, "passing_percent"),
                Rows.text(r, "rubric"));
    }

    private static Submission submission(DbRow r) {
        return new Submission(Rows.uuid(r, "id"), Rows.uuid(r, "assignment_id"), Rows.uuid(r, "user_id"),
                Rows.integer(r, "number"), Rows.text(r, "body"), Rows.uuids(r, "media_ids"),
                Rows.instant(r, "submitted_at"), Rows.flag(r, "late"), Rows.text(r, "status"),
                decimal(Rows.value(r, "points")), decimal(Rows.value(r, "max_points")), Rows.text(r, "feedback"),
                Rows.text(r, "rubric_scores"));
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
