package io.lectern.server.learning.internal.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Subtitle;
import io.lectern.model.learning.AssignmentInput;
import io.lectern.model.learning.GradeInput;
import io.lectern.model.learning.SubmissionInput;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import io.lectern.model.media.MediaPurpose;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.learning.SubmissionGraded;
import io.lectern.server.learning.internal.progress.Progress;
import io.lectern.server.learning.internal.progress.ProgressBatch;
import io.lectern.server.learning.internal.progress.Zones;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Assignment lessons: settings with a rubric (by course staff), submissions of text and uploaded files with a
 * timezone-aware due date and late policy, resubmission limits, rubric grading, grade release, completion.
 */
public final class Assignments {

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final Json jsonIo;
    private final EventBus events;
    private final CatalogService catalog;
    private final MediaService media;
    private final Progress progress;
    private final ObjectMapper json;
    private final SubmissionViews views;

    public Assignments(Database db, Clock clock, Ids ids, Json jsonIo, EventBus events, CatalogService catalog,
                       MediaService media, Progress progress) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.jsonIo = jsonIo;
        this.events = events;
        this.catalog = catalog;
        this.media = media;
        this.progress = progress;
        this.json = jsonIo.objectMapper();
        this.views = new SubmissionViews(db, json, media);
    }

    /**
     * The media module's playback check for handed-in files: the staff of the course a file was handed in to, and
     * admins, may open it (its owner always may).
     */
    public Optional<List<Subtitle>> fileGrant(Optional<Principal> caller, UUID mediaId, UUID ownerId) {
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> courses;
        try (var rows = db.execute().query("""
                SELECT DISTINCT a.course_id FROM learning.submissions s JOIN learning.assignments a ON a.id = s.assignment_id
                 WHERE s.media_ids @> ARRAY[?::uuid] AND s.user_id = ?""", mediaId, ownerId)) {
            courses = rows.map(r -> Rows.uuid(r, "course_id")).toList();
        }
        Principal p = caller.get();
        return courses.stream().anyMatch(c -> p.isAdmin() || catalog.isDraftStaff(p, c))
                ? Optional.of(List.of()) : Optional.empty();
    }

    /** Whether a file was handed in with an assignment (handed-in files are kept as they were graded). */
    public boolean handedIn(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        return tx.get("SELECT 1 FROM learning.submissions WHERE media_ids @> ARRAY[?::uuid] LIMIT 1", mediaId)
                .isPresent();
    }

    Map<String, Object> configure(Principal p, UUID lessonId, AssignmentInput in) {
        LessonFacts lesson = catalog.draftLesson(lessonId).orElseThrow(() -> ApiException.notFound("This lesson"));
        if (!catalog.isDraftStaff(p, lesson.courseId())) {
            throw new ApiException(403, "auth.forbidden", "Only this course's instructors set its assignments.");
        }
        Validation v = new Validation().check(lesson.type() == LessonType.ASSIGNMENT, "lesson", "type",
                        "Only assignment lessons take assignment settings.")
                .check(in.latePolicy() == null || List.of("ACCEPT", "PENALTY", "REJECT").contains(in.latePolicy()),
                        "latePolicy", "one_of", "latePolicy is ACCEPT, PENALTY or REJECT.")
                .check(in.completesOn() == null || List.of("SUBMITTED", "PASSED").contains(in.completesOn()),
                        "completesOn", "one_of", "completesOn is SUBMITTED or PASSED.")
                .check(!Boolean.FALSE.equals(in.allowText()) || !Boolean.FALSE.equals(in.allowFiles()), "allowText",
                        "one_of", "Allow text, files or both.")
                .check(in.maxSubmissions() == null || (in.maxSubmissions() >= 1 && in.maxSubmissions() <= 20),
                        "maxSubmissions", "range", "maxSubmissions must be between 1 and 20.");
        Instant due = due(in, v);
        Rubric rubric = Rubric.of(in.rubric(), v);
        v.throwIfInvalid();
        db.execute().update("""
                INSERT INTO learning.assignments AS a (id, course_id, instructions, due_at, time_zone, late_policy,
                       late_penalty_percent, allow_text, allow_files, max_submissions, completes_on, passing_percent,
                       rubric, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (id) DO UPDATE SET instructions = excluded.instructions, due_at = excluded.due_at,
                       time_zone = excluded.time_zone, late_policy = excluded.late_policy,
                       late_penalty_percent = excluded.late_penalty_percent, allow_text = excluded.allow_text,
                       allow_files = excluded.allow_files, max_submissions = excluded.max_submissions,
                       completes_on = excluded.completes_on, passing_percent = excluded.passing_percent,
                       rubric = excluded.rubric, updated_at = excluded.updated_at""", lessonId, lesson.courseId(),
                in.instructions() == null ? "" : in.instructions(), Rows.param(due), Zones.of(in.timeZone()).getId(),
                in.latePolicy() == null ? "ACCEPT" : in.latePolicy(), in.latePenaltyPercent() == null ? 0
                : in.latePenaltyPercent(), !Boolean.FALSE.equals(in.allowText()), !Boolean.FALSE.equals(in.allowFiles()),
                in.maxSubmissions() == null ? 1 : in.maxSubmissions(), in.completesOn() == null ? "SUBMITTED"
                : in.completesOn(), in.passingPercent() == null ? 50 : in.passingPercent(), write(rubric),
                Rows.param(clock.instant()));
        return views.assignment(load(lessonId), true);
    }

    private static Instant due(AssignmentInput in, Validation v) {
        if (in.dueLocal() == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(in.dueLocal()).atZone(Zones.of(in.timeZone())).toInstant();
        } catch (DateTimeParseException e) {
            v.check(false, "dueLocal", "format", "dueLocal is a local date and time such as 2026-12-01T23:59.");
            return null;
        }
    }

    Map<String, Object> view(Principal p, UUID id) {
        DbRow a = load(id);
        UUID course = Rows.uuid(a, "course_id");
        if (catalog.isDraftStaff(p, course)) {
            return views.assignment(a, true);
        }
        requireLearner(p, id, course);
        Map<String, Object> v = views.assignment(a, false);
        v.put("submissions", views.submissions(id, p.userId()));
        db.execute().get("SELECT body, client_time FROM learning.assignment_drafts WHERE user_id = ? AND "
                + "assignment_id = ?", p.userId(), id).ifPresent(d -> v.put("draft", Map.of("text", Rows.text(d, "body"),
                "savedAt", Rows.instant(d, "client_time"))));
        return v;
    }

    Map<String, Object> submit(Principal p, UUID id, SubmissionInput in) {
        DbRow a = load(id);
        requireLearner(p, id, Rows.uuid(a, "course_id"));
        Instant now = clock.instant();
        boolean late = Rows.instant(a, "due_at") != null && now.isAfter(Rows.instant(a, "due_at"));
        List<UUID> files = in.mediaIds() == null ? List.of() : in.mediaIds();
        boolean hasText = in.text() != null && !in.text().isBlank();
        Validation v = new Validation().check(hasText || !files.isEmpty(), "text", "required",
                        "Write an answer or attach a file.")
                .check(!hasText || Rows.flag(a, "allow_text"), "text", "not_allowed", "This assignment takes files only.")
                .check(files.isEmpty() || Rows.flag(a, "allow_files"), "mediaIds", "not_allowed",
                        "This assignment takes text only.")
                .maxLength("text", in.text(), 100_000).check(files.size() <= 10, "mediaIds", "size", "Attach up to 10 files.");
        files.forEach(f -> v.check(media.isReadyUpload(f, p.userId(), MediaPurpose.SUBMISSION), "mediaIds", "upload",
                "Upload each file first (purpose SUBMISSION) and wait until it is ready."));
        v.throwIfInvalid();
        if (late && Rows.text(a, "late_policy").equals("REJECT")) {
            throw new ApiException(409, "assignment.past_due", "The due date has passed and this assignment takes no "
                    + "late work.").with("dueAt", Rows.instant(a, "due_at").toString());
        }
        return db.inTransaction(tx -> {
            tx.get("SELECT pg_advisory_xact_lock(hashtext(?))", "submission:" + id + ":" + p.userId());
            long count = tx.get("SELECT count(*) AS n FROM learning.submissions WHERE assignment_id = ? AND user_id = ?",
                    id, p.userId()).map(r -> Rows.number(r, "n")).orElse(0L);
            if (count >= Rows.integer(a, "max_submissions")) {
                throw new ApiException(409, "assignment.submissions_exhausted", "You have used all "
                        + Rows.integer(a, "max_submissions") + " submissions of this assignment.");
            }
            UUID sub = ids.next();
            tx.insert("""
                    INSERT INTO learning.submissions (id, assignment_id, user_id, number, body, media_ids, submitted_at,
                                                      late, status)
                    VALUES (?, ?, ?, ?, ?, ?::uuid[], ?, ?, 'SUBMITTED')""", sub, id, p.userId(), (int) count + 1,
                    hasText ? in.text() : null, files.stream().map(UUID::toString).toArray(String[]::new),
                    Rows.param(now), late);
            if (Rows.text(a, "completes_on").equals("SUBMITTED")) {
                complete(tx, p.userId(), id, now);
            }
            return views.submission(tx, sub, true);
        });
    }

    /** Keeps the newest (by client time) offline draft of an assignment; the reason when it cannot. */
    public Optional<SyncResult.Rejected> draft(DbTransaction tx, UUID userId, SyncEvent e, Predicate<UUID> mayStudy) {
        var a = tx.get("SELECT course_id FROM learning.assignments WHERE id = ?", e.lessonId());
        if (a.isEmpty()) {
            return Optional.of(new SyncResult.Rejected(e.id(), "sync.unknown_assignment", "This assignment is no "
                    + "longer in the course; copy your draft before it is gone."));
        }
        if (!mayStudy.test(Rows.uuid(a.get(), "course_id"))) {
            return Optional.of(new SyncResult.Rejected(e.id(),
                    "lesson.enrollment_required", "You are not enrolled in this assignment's course any more."));
        }
        tx.update("""
                INSERT INTO learning.assignment_drafts AS d (user_id, assignment_id, body, client_time)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, assignment_id) DO UPDATE SET body = excluded.body, client_time = excluded.client_time
                 WHERE excluded.client_time > d.client_time""", userId, e.lessonId(), e.body() == null ? "" : e.body(),
                Rows.param(e.clientTime()));
        return Optional.empty();
    }

    List<Map<String, Object>> queue(Principal p, UUID courseId) {
        catalog.requireCourseStaff(p, courseId, "Only this course's instructors grade its assignments.");
        return views.queue(courseId);
    }

    Map<String, Object> grade(Principal p, UUID submissionId, GradeInput in) {
        return db.inTransaction(tx -> {
            DbRow s = tx.get("SELECT s.*, a.course_id, a.rubric, a.late_policy, a.late_penalty_percent, a.completes_on, "
                    + "a.passing_percent FROM learning.submissions s JOIN learning.assignments a ON a.id = s.assignment_id "
                    + "WHERE s.id = ? FOR UPDATE OF s", submissionId).orElseThrow(() -> ApiException.notFound(
                    "This submission"));
            if (!catalog.isDraftStaff(tx, p, Rows.uuid(s, "course_id"))) {
                throw new ApiException(403, "auth.forbidden", "Only this course's instructors grade its assignments.");
            }
            Rubric rubric = read(Rows.text(s, "rubric"));
            Validation v = new Validation().maxLength("feedback", in.feedback(), 20_000);
            int raw = rubric.points(in.rubric(), v);
            v.throwIfInvalid();
            double points = Rows.flag(s, "late") && Rows.text(s, "late_policy").equals("PENALTY")
                    ? raw * (100 - Rows.integer(s, "late_penalty_percent")) / 100.0 : raw;
            boolean release = Boolean.TRUE.equals(in.release());
            Instant now = clock.instant();
            tx.update("""
                    UPDATE learning.submissions SET status = ?, rubric_scores = ?::jsonb, points = ?, max_points = ?,
                           feedback = ?, graded_by = ?, graded_at = ?, released_at = CASE WHEN ? THEN ? END
                     WHERE id = ?""", release ? "RELEASED" : "GRADED", write(in.rubric()), points, rubric.maxPoints(),
                    in.feedback(), p.userId(), Rows.param(now), release, Rows.param(now), submissionId);
            if (release) {
                released(tx, s, points, rubric.maxPoints(), now);
            }
            return views.submission(tx, submissionId, false);
        });
    }

    Map<String, Object> release(Principal p, UUID submissionId) {
        return db.inTransaction(tx -> {
            DbRow s = tx.get("SELECT s.*, a.course_id, a.completes_on, a.passing_percent FROM learning.submissions s "
                    + "JOIN learning.assignments a ON a.id = s.assignment_id WHERE s.id = ? FOR UPDATE OF s",
                    submissionId).orElseThrow(() -> ApiException.notFound("This submission"));
            if (!catalog.isDraftStaff(tx, p, Rows.uuid(s, "course_id"))) {
                throw new ApiException(403, "auth.forbidden", "Only this course's instructors release grades.");
            }
            if (!"GRADED".equals(Rows.text(s, "status"))) {
                throw new ApiException(409, "submission.not_graded", "Grade the submission before releasing it.");
            }
            Instant now = clock.instant();
            tx.update("UPDATE learning.submissions SET status = 'RELEASED', released_at = ? WHERE id = ?",
                    Rows.param(now), submissionId);
            released(tx, s, Rows.decimal(s, "points"), Rows.decimal(s, "max_points"), now);
            return views.submission(tx, submissionId, false);
        });
    }

    private void released(DbTransaction tx, DbRow s, double points, double max, Instant now) {
        int percent = max == 0 ? 100 : (int) Math.floor(points * 100 / max);
        boolean passed = percent >= Rows.integer(s, "passing_percent");
        UUID user = Rows.uuid(s, "user_id");
        UUID assignment = Rows.uuid(s, "assignment_id");
        events.publish(tx, new SubmissionGraded(user, assignment, Rows.uuid(s, "id"), percent, passed));
        if (passed && Rows.text(s, "completes_on").equals("PASSED")) {
            complete(tx, user, assignment, now);
        }
    }

    private void complete(DbTransaction tx, UUID userId, UUID lessonId, Instant at) {
        catalog.lesson(tx, lessonId).ifPresent(lesson -> {
            ProgressBatch batch = new ProgressBatch(userId);
            batch.complete(lesson, at);
            progress.applyInTransaction(tx, batch);
        });
    }

    String scoresCsv(Principal p, UUID id) {
        DbRow a = load(id);
        if (!catalog.isDraftStaff(p, Rows.uuid(a, "course_id"))) {
            throw new ApiException(403, "auth.forbidden", "Only this course's instructors see its scores.");
        }
        return views.scoresCsv(id);
    }

    private void requireLearner(Principal p, UUID lessonId, UUID courseId) {
        if (!catalog.mayStudy(p, courseId)) {
            throw new ApiException(403, "lesson.enrollment_required", "Enroll in this course to hand in its work.");
        }
        catalog.requireLessonAccess(p, lessonId);
    }

    private DbRow load(UUID id) {
        return db.execute().get("SELECT * FROM learning.assignments WHERE id = ?", id)
                .orElseThrow(() -> ApiException.notFound("This assignment"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Rubric read(String text) {
        try {
            return json.readValue(text, Rubric.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
