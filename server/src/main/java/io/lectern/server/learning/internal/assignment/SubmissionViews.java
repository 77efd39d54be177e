package io.lectern.server.learning.internal.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.media.MediaView;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON views of assignments and submissions; learners see a grade only once it is released. */
final class SubmissionViews {

    private final Database database;
    private final ObjectMapper json;
    private final MediaService media;

    SubmissionViews(Database database, ObjectMapper json, MediaService media) {
        this.database = database;
        this.json = json;
        this.media = media;
    }

    Map<String, Object> assignment(DbRow a, boolean staff) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", Rows.uuid(a, "id"));
        v.put("courseId", Rows.uuid(a, "course_id"));
        v.put("instructions", Rows.text(a, "instructions"));
        v.put("dueAt", Rows.instant(a, "due_at"));
        v.put("timeZone", Rows.text(a, "time_zone"));
        if (Rows.instant(a, "due_at") != null) {
            v.put("dueLocal", Rows.instant(a, "due_at").atZone(ZoneId.of(Rows.text(a, "time_zone"))).toLocalDateTime()
                    .toString());
        }
        v.put("latePolicy", Rows.text(a, "late_policy"));
        v.put("latePenaltyPercent", Rows.integer(a, "late_penalty_percent"));
        v.put("allowText", Rows.flag(a, "allow_text"));
        v.put("allowFiles", Rows.flag(a, "allow_files"));
        v.put("maxSubmissions", Rows.integer(a, "max_submissions"));
        v.put("completesOn", Rows.text(a, "completes_on"));
        v.put("passingPercent", Rows.integer(a, "passing_percent"));
        v.put("rubric", read(Rows.text(a, "rubric")));
        v.put("staffView", staff);
        return v;
    }

    List<Map<String, Object>> submissions(UUID assignmentId, UUID userId) {
        try (var rows = database.execute().query("SELECT * FROM learning.submissions WHERE assignment_id = ? "
                + "AND user_id = ? ORDER BY number", assignmentId, userId)) {
            return rows.map(r -> submission(database.execute(), r, true)).toList();
        }
    }

    Map<String, Object> submission(DbExecute db, UUID id, boolean learner) {
        return submission(db, db.get("SELECT * FROM learning.submissions WHERE id = ?", id).orElseThrow(), learner);
    }

    List<Map<String, Object>> queue(UUID courseId) {
        try (var rows = database.execute().query("""
                SELECT s.* FROM learning.submissions s JOIN learning.assignments a ON a.id = s.assignment_id
                 WHERE a.course_id = ? AND s.status = 'SUBMITTED' ORDER BY s.submitted_at""", courseId)) {
            return rows.map(r -> submission(database.execute(), r, false)).toList();
        }
    }

    String scoresCsv(UUID assignmentId) {
        StringBuilder b = new StringBuilder("student_id,submission,submitted_at,late,status,points,max_points\n");
        try (var rows = database.execute().query("SELECT * FROM learning.submissions WHERE assignment_id = ? "
                + "ORDER BY user_id, number", assignmentId)) {
            rows.forEach(r -> b.append(Rows.uuid(r, "user_id")).append(',').append(Rows.integer(r, "number")).append(',')
                    .append(Rows.instant(r, "submitted_at")).append(',').append(Rows.flag(r, "late")).append(',')
                    .append(Rows.text(r, "status")).append(',').append(nz(Rows.value(r, "points"))).append(',')
                    .append(nz(Rows.value(r, "max_points"))).append('\n'));
        }
        return b.toString();
    }

    private static String nz(Object v) {
        return v == null ? "" : v.toString();
    }

    private Map<String, Object> submission(DbExecute db, DbRow r, boolean learner) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", Rows.uuid(r, "id"));
        v.put("assignmentId", Rows.uuid(r, "assignment_id"));
        v.put("userId", Rows.uuid(r, "user_id"));
        v.put("number", Rows.integer(r, "number"));
        v.put("text", Rows.text(r, "body"));
        List<UUID> files = Rows.uuids(r, "media_ids");
        v.put("mediaIds", files);
        v.put("files", files(db, files));
        v.put("submittedAt", Rows.instant(r, "submitted_at"));
        v.put("late", Rows.flag(r, "late"));
        String status = Rows.text(r, "status");
        v.put("status", learner && status.equals("GRADED") ? "SUBMITTED" : status);
        if (!learner || status.equals("RELEASED")) {
            v.put("points", Rows.value(r, "points"));
            v.put("maxPoints", Rows.value(r, "max_points"));
            v.put("feedback", Rows.text(r, "feedback"));
            v.put("rubricScores", Rows.text(r, "rubric_scores") == null ? null : read(Rows.text(r, "rubric_scores")));
        }
        return v;
    }

    /** Each handed-in file's name, type and size, and where to get its signed URLs (inline and download). */
    private List<Map<String, Object>> files(DbExecute db, List<UUID> ids) {
        Map<UUID, MediaView> found = media.describe(db, ids);
        return ids.stream().filter(found::containsKey).map(id -> {
            MediaView m = found.get(id);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mediaId", id);
            f.put("filename", m.filename());
            f.put("contentType", m.contentType());
            f.put("size", m.size());
            f.put("playbackUrl", "/api/v1/media/" + id + "/playback");
            return f;
        }).toList();
    }

    private Object read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
