package io.lectern.server.learning.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learning's part: progress per lesson, study time, the time zone studied in, notes and bookmarks, completions,
 * quiz attempts with the answers, assignment drafts and submissions with their grades and feedback, certificates; for
 * instructors the quizzes they wrote and the grades they gave. Deleting the account deletes the person's learning
 * records; certificates are revoked ("account deleted") and no longer carry the name, so the public verification
 * page names no one.
 */
final class LearningPersonalData implements PersonalData {

    @Override
    public String section() {
        return "learning";
    }

    @Override
    public Set<String> tables() {
        return Set.of("learning.lesson_progress", "learning.applied_events", "learning.study_time",
                "learning.learner_zones", "learning.course_study_time", "learning.notes", "learning.course_completions",
                "learning.quizzes", "learning.attempts", "learning.certificates", "learning.submissions",
                "learning.assignment_drafts");
    }

    @Override
    public Object export(DbExecute db, Person p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("progress", Rows.maps(db, "SELECT lesson_id, course_id, watched::text AS watched_seconds, duration_sec, "
                + "position_sec, time_spent_sec, completed_at, last_accessed FROM learning.lesson_progress "
                + "WHERE user_id = ? ORDER BY course_id, lesson_id", p.id()));
        out.put("studyTime", Rows.maps(db, "SELECT slot, seconds FROM learning.study_time WHERE user_id = ? "
                + "ORDER BY slot", p.id()));
        out.put("studyTimeByCourse", Rows.maps(db, "SELECT course_id, slot, seconds FROM learning.course_study_time "
                + "WHERE user_id = ? ORDER BY slot", p.id()));
        out.put("timeZone", Rows.maps(db, "SELECT zone FROM learning.learner_zones WHERE user_id = ?", p.id()));
        out.put("notes", Rows.maps(db, "SELECT id, lesson_id, kind, body, position_sec, deleted, client_time FROM "
                + "learning.notes WHERE user_id = ? ORDER BY client_time", p.id()));
        out.put("completedCourses", Rows.maps(db, "SELECT course_id, completed_at FROM learning.course_completions "
                + "WHERE user_id = ? ORDER BY completed_at", p.id()));
        out.put("quizAttempts", Rows.maps(db, "SELECT id, quiz_id, number, status, started_at, submitted_at, "
                + "answers::text AS answers, grades::text AS grades, score, max_score, passed FROM learning.attempts "
                + "WHERE user_id = ? ORDER BY started_at", p.id()));
        out.put("submissions", Rows.maps(db, "SELECT id, assignment_id, number, body, media_ids, submitted_at, late, status, "
                + "points, max_points, feedback, released_at FROM learning.submissions WHERE user_id = ? "
                + "ORDER BY submitted_at", p.id()));
        out.put("assignmentDrafts", Rows.maps(db, "SELECT assignment_id, body, client_time FROM learning.assignment_drafts "
                + "WHERE user_id = ?", p.id()));
        out.put("certificates", Rows.maps(db, "SELECT id, code, course_id, course_title, learner_name, issued_at, "
                + "revoked_at, revoked_reason FROM learning.certificates WHERE user_id = ? ORDER BY issued_at", p.id()));
        out.put("quizzesWritten", Rows.maps(db, "SELECT id, course_id, title, created_at FROM learning.quizzes "
                + "WHERE created_by = ? ORDER BY created_at", p.id()));
        out.put("gradesGiven", Rows.maps(db, "SELECT id AS submission_id, points, max_points, graded_at FROM "
                + "learning.submissions WHERE graded_by = ? ORDER BY graded_at", p.id()));
        out.put("syncedEvents", Rows.maps(db, "SELECT count(*) AS events FROM learning.applied_events WHERE user_id = ?",
                p.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person p) {
        for (String table : List.of("lesson_progress", "applied_events", "study_time", "course_study_time",
                "learner_zones", "notes",
                "course_completions", "attempts", "assignment_drafts", "submissions")) {
            tx.dml("DELETE FROM learning." + table + " WHERE user_id = ?", p.id());
        }
        tx.dml("""
                UPDATE learning.certificates SET learner_name = '', revoked_at = coalesce(revoked_at, now()),
                       revoked_reason = coalesce(revoked_reason, 'The learner deleted their account.')
                 WHERE user_id = ?""", p.id());
    }
}
