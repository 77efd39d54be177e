package io.lectern.server.learning.internal.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final EventBus events;
    private final CatalogService catalog;
    private final MediaService media;
    private final Progress progress;
    private final ObjectMapper json;
    private final AssignmentStore store;
    private final SubmissionViews views;

    public Assignments(Database db, Clock clock, Ids ids, Json jsonIo, EventBus events, CatalogService catalog,
                       MediaService media, Progress progress, AssignmentStore store) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.catalog = catalog;
        this.media = media;
        this.progress = progress;
        this.json = jsonIo.objectMapper();
        this.store = store;
        this.views = new SubmissionViews(db, json, media, store);
    }

    /**
     * The media module's playback check for handed-in files: the staff of the course a file was handed in to, and
     * admins, may open it (its owner always may).
     */
    public Optional<List<Subtitle>> fileGrant(Optional<Principal> caller, UUID mediaId, UUID ownerId) {
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> courses = store.coursesHandedInTo(db.execute(), mediaId, ownerId);
        Principal p = caller.get();
        return courses.stream().anyMatch(c -> p.isAdmin() || catalog.isDraftStaff(p, c))
                ? Optional.of(List.of()) : Optional.empty();
    }

    /** Whether a file was handed in with an assignment (handed-in files are kept as they were graded). */
    public boolean handedIn(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        return store.handedIn(tx, mediaId);
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
        store.save(db.execute(), lessonId, lesson.courseId(), in, due, Zones.of(in.timeZone()).getId(), write(rubric),
                clock.instant());
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
        AssignmentStore.Assignment a = load(id);
        UUID course = a.courseId();
        if (catalog.isDraftStaff(p, course)) {
            return views.assignment(a, true);
        }
        requireLearner(p, id, course);
        Map<String, Object> v = views.assignment(a, false);
        v.put("submissions", views.submissions(id, p.userId()));
        store.draft(db.execute(), p.userId(), id).ifPresent(d -> v.put("draft", Map.of("text", d.body(),
                "savedAt", d.clientTime())));
        return v;
    }

    Map<String, Object> submit(Principal p, UUID id, SubmissionInput in) {
        AssignmentStore.Assignment a = load(id);
        requireLearner(p, id, a.courseId());
        Instant now = clock.instant();
        boolean late = a.dueAt() != null && now.isAfter(a.dueAt());
        List<UUID> files = in.mediaIds() == null ? List.of() : in.mediaIds();
        boolean hasText = in.text() != null && !in.text().isBlank();
        Validation v = new Validation().check(hasText || !files.isEmpty(), "text", "required",
                        "Write an answer or attach a file.")
                .check(!hasText || a.allowText(), "text", "not_allowed", "This assignment takes files only.")
                .check(files.isEmpty() || a.allowFiles(), "mediaIds", "not_allowed",
                        "This assignment takes text only.")
                .maxLength("text", in.text(), 100_000).check(files.size() <= 10, "mediaIds", "size", "Attach up to 10 files.");
        files.forEach(f -> v.check(media.isReadyUpload(f, p.userId(), MediaPurpose.SUBMISSION), "mediaIds", "upload",
                "Upload each file first (purpose SUBMISSION) and wait until it is ready."));
        v.throwIfInvalid();
        if (late && a.latePolicy().equals("REJECT")) {
            throw new ApiException(409, "assignment.past_due", "The due date has passed and this assignment takes no "
                    + "late work.").with("dueAt", a.dueAt().toString());
        }
        return db.inTransaction(tx -> {
            store.lockSubmitting(tx, id, p.userId());
            long count = store.countSubmissions(tx, id, p.userId());
            if (count >= a.maxSubmissions()) {
                throw new ApiException(409, "assignment.submissions_exhausted", "You have used all "
                        + a.maxSubmissions() + " submissions of this assignment.");
            }
            UUID sub = ids.next();
            store.insertSubmission(tx, sub, id, p.userId(), (int) count + 1, hasText ? in.text() : null, files, now,
                    late);
            if (a.completesOn().equals("SUBMITTED")) {
                complete(tx, p.userId(), id, now);
            }
            return views.submission(tx, sub, true);
        });
    }

    /** Keeps the newest (by client time) offline draft of an assignment; the reason when it cannot. */
    public Optional<SyncResult.Rejected> draft(DbTransaction tx, UUID userId, SyncEvent.AssignmentDraft e,
                                               Predicate<UUID> mayStudy) {
        Optional<UUID> course = store.courseOf(tx, e.lessonId());
        if (course.isEmpty()) {
            return Optional.of(new SyncResult.Rejected(e.id(), "sync.unknown_assignment", "This assignment is no "
                    + "longer in the course; copy your draft before it is gone."));
        }
        if (!mayStudy.test(course.get())) {
            return Optional.of(new SyncResult.Rejected(e.id(),
                    "lesson.enrollment_required", "You are not enrolled in this assignment's course any more."));
        }
        store.saveDraft(tx, userId, e.lessonId(), e.body() == null ? "" : e.body(), e.clientTime());
        return Optional.empty();
    }

    List<Map<String, Object>> queue(Principal p, UUID courseId) {
        catalog.requireCourseStaff(p, courseId, "Only this course's instructors grade its assignments.");
        return views.queue(courseId);
    }

    Map<String, Object> grade(Principal p, UUID submissionId, GradeInput in) {
        return db.inTransaction(tx -> {
            AssignmentStore.Grading s = store.lockForGrading(tx, submissionId).orElseThrow(() -> ApiException.notFound(
                    "This submission"));
            if (!catalog.isDraftStaff(tx, p, s.courseId())) {
                throw new ApiException(403, "auth.forbidden", "Only this course's instructors grade its assignments.");
            }
            Rubric rubric = read(s.rubric());
            Validation v = new Validation().maxLength("feedback", in.feedback(), 20_000);
            int raw = rubric.points(in.rubric(), v);
            v.throwIfInvalid();
            double points = s.submission().late() && s.latePolicy().equals("PENALTY")
                    ? raw * (100 - s.latePenaltyPercent()) / 100.0 : raw;
            boolean release = Boolean.TRUE.equals(in.release());
            Instant now = clock.instant();
            store.grade(tx, submissionId, release ? "RELEASED" : "GRADED", write(in.rubric()), points, rubric.maxPoints(),
                    in.feedback(), p.userId(), now, release);
            if (release) {
                released(tx, s, points, rubric.maxPoints(), now);
            }
            return views.submission(tx, submissionId, false);
        });
    }

    Map<String, Object> release(Principal p, UUID submissionId) {
        return db.inTransaction(tx -> {
            AssignmentStore.Grading s = store.lockForRelease(tx, submissionId)
                    .orElseThrow(() -> ApiException.notFound("This submission"));
            if (!catalog.isDraftStaff(tx, p, s.courseId())) {
                throw new ApiException(403, "auth.forbidden", "Only this course's instructors release grades.");
            }
            if (!"GRADED".equals(s.submission().status())) {
                throw new ApiException(409, "submission.not_graded", "Grade the submission before releasing it.");
            }
            Instant now = clock.instant();
            store.release(tx, submissionId, now);
            released(tx, s, orZero(s.submission().points()), orZero(s.submission().maxPoints()), now);
            return views.submission(tx, submissionId, false);
        });
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private void released(DbTransaction tx, AssignmentStore.Grading s, double points, double max, Instant now) {
        int percent = max == 0 ? 100 : (int) Math.floor(points * 100 / max);
        boolean passed = percent >= s.passingPercent();
        UUID user = s.submission().userId();
        UUID assignment = s.submission().assignmentId();
        events.publish(tx, new SubmissionGraded(user, assignment, s.submission().id(), percent, passed));
        if (passed && s.completesOn().equals("PASSED")) {
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
        AssignmentStore.Assignment a = load(id);
        if (!catalog.isDraftStaff(p, a.courseId())) {
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

    private AssignmentStore.Assignment load(UUID id) {
        return store.find(db.execute(), id).orElseThrow(() -> ApiException.notFound("This assignment"));
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
