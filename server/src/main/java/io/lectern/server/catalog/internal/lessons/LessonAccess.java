package io.lectern.server.catalog.internal.lessons;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.LessonView;
import io.lectern.server.catalog.internal.authoring.DraftLesson;
import io.lectern.server.catalog.internal.authoring.DraftStore;
import io.lectern.server.catalog.internal.authoring.DraftViews;
import io.lectern.server.catalog.internal.authoring.OutlineStore;
import io.lectern.server.catalog.internal.publishing.PublishedCourse;
import io.lectern.server.catalog.internal.publishing.PublishedLesson;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may open a lesson: staff of the course always (and they see the draft they are editing), anyone a free
 * preview of a course in the catalog, enrolled learners once its prerequisites are finished. Refusals say what
 * to do: sign in, enroll, or which lessons to finish first.
 */
public final class LessonAccess {

    static final Duration LAUNCH_TTL = Duration.ofMinutes(5);
    static final String LAUNCH_PARAMETER = "lectern_launch";

    /**
     * A lesson a caller may open, with the course facts the decision used.
     *
     * @param lesson  the lesson as the caller sees it
     * @param staff   whether the caller is staff of the course
     */
    public record Opened(LessonView lesson, boolean staff) {
    }

    private final Database database;
    private final Clock clock;
    private final PublishedStore published;
    private final DraftStore drafts;
    private final OutlineStore outlines;
    private final LearnerChecks learners;
    private final IdentityService identity;

    public LessonAccess(Database database, Clock clock, PublishedStore published, DraftStore drafts, OutlineStore outlines,
                 LearnerChecks learners, IdentityService identity) {
        this.database = database;
        this.clock = clock;
        this.published = published;
        this.drafts = drafts;
        this.outlines = outlines;
        this.learners = learners;
        this.identity = identity;
    }

    public LessonView open(Optional<Principal> caller, UUID lessonId) {
        return decide(caller, lessonId).lesson();
    }

    public Opened decide(Optional<Principal> caller, UUID lessonId) {
        DbExecute db = database.execute();
        Optional<PublishedLesson> lesson = published.lesson(db, lessonId);
        Optional<PublishedCourse> course = lesson.flatMap(l -> published.course(db, l.courseId().toString()));
        if (caller.isPresent() && caller.get().isStaff() && isDraftStaff(db, caller.get(), lessonId, course)) {
            DraftLesson draft = outlines.lesson(db, lessonId).orElseThrow();
            return new Opened(withLaunch(DraftViews.lesson(draft), caller), true);
        }
        if (lesson.isEmpty() || course.isEmpty()) {
            throw ApiException.notFound("This lesson");
        }
        PublishedLesson l = lesson.get();
        PublishedCourse c = course.get();
        boolean open = l.preview() && c.status() == CourseStatus.PUBLISHED;
        if (!open) {
            Principal p = caller.orElseThrow(() -> new ApiException(401, "auth.required",
                    "Sign in and enroll in this course to open this lesson.").with("courseId", c.id()));
            if (!learners.enrolled(db, p.userId(), c.id())) {
                if (c.status() == CourseStatus.ARCHIVED) {
                    throw ApiException.notFound("This lesson");
                }
                throw new ApiException(403, "lesson.enrollment_required", "Enroll in '" + c.summary().title()
                        + "' to open this lesson.").with("courseId", c.id()).with("courseSlug", c.summary().slug());
            }
            requirePrerequisites(p, l, db);
        }
        return new Opened(withLaunch(view(l), caller), false);
    }

    private void requirePrerequisites(Principal p, PublishedLesson l, DbExecute db) {
        if (l.prerequisiteIds().isEmpty()) {
            return;
        }
        Set<UUID> done = learners.completed(p.userId(), l.courseId());
        List<PublishedLesson> missing = published.lessons(db, l.courseId()).stream()
                .filter(x -> l.prerequisiteIds().contains(x.id()) && !done.contains(x.id())).toList();
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing.stream().map(x -> "'" + x.title() + "'").toList());
            throw new ApiException(403, "lesson.locked", "Finish " + names + " first.").with("missingPrerequisites",
                    missing.stream().map(x -> Map.of("id", x.id(), "title", x.title())).toList());
        }
    }

    private boolean isDraftStaff(DbExecute db, Principal p, UUID lessonId, Optional<PublishedCourse> course) {
        if (course.isPresent()) {
            return (p.isAdmin() || course.get().isStaff(p.userId())) && outlines.lesson(db, lessonId).isPresent();
        }
        return outlines.lesson(db, lessonId).flatMap(d -> drafts.find(db, d.courseId()))
                .map(d -> p.isAdmin() || d.isStaff(p.userId())).orElse(false);
    }

    private static LessonView view(PublishedLesson l) {
        return new LessonView(l.id(), l.courseId(), l.sectionId(), l.title(), l.type(), l.durationSec(), l.preview(),
                l.required(), l.prerequisiteIds(), l.content(), l.html(), null, null);
    }

    /** Embed lessons open their page with a short-lived signed launch token naming the learner and the lesson. */
    private LessonView withLaunch(LessonView v, Optional<Principal> caller) {
        if (v.type() != LessonType.EMBED || v.content().url() == null) {
            return v;
        }
        String url = v.content().url();
        if (caller.isEmpty()) {
            return new LessonView(v.id(), v.courseId(), v.sectionId(), v.title(), v.type(), v.durationSec(), v.preview(),
                    v.required(), v.prerequisiteIds(), v.content(), v.html(), url, null);
        }
        URI uri = URI.create(url);
        String audience = uri.getScheme() + "://" + uri.getRawAuthority();
        Instant expires = clock.instant().plus(LAUNCH_TTL);
        String token = identity.signLaunchToken(caller.get().userId(), audience,
                Map.of("course_id", v.courseId().toString(), "lesson_id", v.id().toString()), LAUNCH_TTL);
        String launch = url + (uri.getRawQuery() == null ? "?" : "&") + LAUNCH_PARAMETER + "="
                + URLEncoder.encode(token, StandardCharsets.US_ASCII);
        return new LessonView(v.id(), v.courseId(), v.sectionId(), v.title(), v.type(), v.durationSec(), v.preview(),
                v.required(), v.prerequisiteIds(), v.content(), v.html(), launch, expires);
    }
}
