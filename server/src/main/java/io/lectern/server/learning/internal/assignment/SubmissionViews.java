package io.lectern.server.learning.internal.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.lectern.model.media.MediaView;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
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
    private final AssignmentStore store;

    SubmissionViews(Database database, ObjectMapper json, MediaService media, AssignmentStore store) {
        this.database = database;
        this.json = json;
        this.media = media;
        this.store = store;
    }

    Map<String, Object> assignment(AssignmentStore.Assignment a, boolean staff) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("courseId", a.courseId());
        v.put("instructions", a.instructions());
        v.put("dueAt", a.dueAt());
        v.put("timeZone", a.timeZone());
        if (a.dueAt() != null) {
            v.put("dueLocal", a.dueAt().atZone(ZoneId.of(a.timeZone())).toLocalDateTime().toString());
        }
        v.put("latePolicy", a.latePolicy());
        v.put("latePenaltyPercent", a.latePenaltyPercent());
        v.put("allowText", a.allowText());
        v.put("allowFiles", a.allowFiles());
        v.put("maxSubmissions", a.maxSubmissions());
        v.put("completesOn", a.completesOn());
        v.put("passingPercent", a.passingPercent());
        v.put("rubric", read(a.rubric()));
        v.put("staffView", staff);
        return v;
    }

    List<Map<String, Object>> submissions(UUID assignmentId, UUID userId) {
        return store.submissionsOf(database.execute(), assignmentId, userId).stream()
                .map(s -> submission(database.execute(), s, true)).toList();
    }

    Map<String, Object> submission(DbExecute db, UUID id, boolean learner) {
        return submission(db, store.findSubmission(db, id).orElseThrow(), learner);
    }

    List<Map<String, Object>> queue(UUID courseId) {
        return store.queue(database.execute(), courseId).stream()
                .map(s -> submission(database.execute(), s, false)).toList();
    }

    String scoresCsv(UUID assignmentId) {
        StringBuilder b = new StringBuilder("student_id,submission,submitted_at,late,status,points,max_points\n");
        store.ofAssignment(database.execute(), assignmentId).forEach(s -> b.append(s.userId()).append(',')
                .append(s.number()).append(',').append(s.submittedAt()).append(',').append(s.late()).append(',')
                .append(s.status()).append(',').append(nz(s.points())).append(',').append(nz(s.maxPoints()))
                .append('\n'));
        return b.toString();
    }

    private static String nz(Object v) {
        return v == null ? "" : v.toString();
    }

    private Map<String, Object> submission(DbExecute db, AssignmentStore.Submission s, boolean learner) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("assignmentId", s.assignmentId());
        v.put("userId", s.userId());
        v.put("number", s.number());
        v.put("text", s.body());
        List<UUID> files = s.mediaIds();
        v.put("mediaIds", files);
        v.put("files", files(db, files));
        v.put("submittedAt", s.submittedAt());
        v.put("late", s.late());
        String status = s.status();
        v.put("status", learner && status.equals("GRADED") ? "SUBMITTED" : status);
        if (!learner || status.equals("RELEASED")) {
            v.put("points", s.points());
            v.put("maxPoints", s.maxPoints());
            v.put("feedback", s.feedback());
            v.put("rubricScores", s.rubricScores() == null ? null : read(s.rubricScores()));
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
