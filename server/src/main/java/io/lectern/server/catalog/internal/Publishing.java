package io.lectern.server.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.catalog.CourseDraftView;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CourseArchived;
import io.lectern.server.catalog.CoursePublished;
import io.lectern.server.catalog.LessonAdded;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Publishing a course's working copy as a new version learners see, and archiving it. A publish validates the
 * whole course, replaces the snapshot, updates the search lexicon and instructor directory and announces the
 * change, all in one transaction.
 */
final class Publishing {

    private final Platform platform;
    private final DraftRepository drafts;
    private final OutlineRepository outlines;
    private final SnapshotRepository snapshots;
    private final CategoryRepository categories;
    private final AuditService audit;

    Publishing(Platform platform, DraftRepository drafts, OutlineRepository outlines, SnapshotRepository snapshots,
               CategoryRepository categories, AuditService audit) {
        this.platform = platform;
        this.drafts = drafts;
        this.outlines = outlines;
        this.snapshots = snapshots;
        this.categories = categories;
        this.audit = audit;
    }

    /** Publishes the working copy (again); publishing an unchanged published course changes nothing. */
    CourseDraftView publish(Principal p, UUID courseId, Optional<String> ifMatch, String ip) {
        try {
            platform.db().doInTransaction(tx -> {
                DraftCourse c = drafts.lock(tx, courseId).orElseThrow(() -> ApiException.notFound("This course"));
                CourseStaff.requireEditor(p, c);
                Authoring.requireRevision(c, ifMatch);
                if (c.status() == CourseStatus.PUBLISHED && !c.hasUnpublishedChanges()) {
                    return;
                }
                List<DraftSection> outline = outlines.outline(tx, courseId);
                List<FieldViolation> problems = PublishChecks.problems(c, outline);
                if (!problems.isEmpty()) {
                    throw ApiException.rule("course.not_publishable", "The course cannot be published yet: "
                            + problems.size() + (problems.size() == 1 ? " thing needs" : " things need") + " fixing.",
                            problems);
                }
                snapshot(tx, c, outline, p, ip);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "published_courses_slug_key")) {
                throw Authoring.slugTaken();
            }
            throw e;
        }
        return draftView(courseId);
    }

    /** Takes a published course out of the catalog; enrolled learners keep access. */
    CourseDraftView archive(Principal p, UUID courseId, String ip) {
        platform.db().doInTransaction(tx -> {
            DraftCourse c = drafts.lock(tx, courseId).orElseThrow(() -> ApiException.notFound("This course"));
            CourseStaff.requireEditor(p, c);
            if (c.status() != CourseStatus.PUBLISHED) {
                throw new ApiException(409, "course.not_published", c.status() == CourseStatus.ARCHIVED
                        ? "This course is already archived." : "Only published courses can be archived.");
            }
            Instant now = platform.clock().instant();
            drafts.setStatus(tx, courseId, CourseStatus.ARCHIVED, now);
            snapshots.setStatus(tx, courseId, CourseStatus.ARCHIVED);
            c.instructors().forEach(i -> snapshots.refreshInstructor(tx, i.id(), i.displayName()));
            platform.events().publish(tx, new CourseArchived(courseId, c.title(), p.userId(), now));
            audit.record(tx, record(p, "catalog.course.archived", courseId, ip));
        });
        return draftView(courseId);
    }

    /** Publishes trusted content (the demo seed) without the completeness checks: its videos have no files yet. */
    void publishTrusted(DbTransaction tx, UUID courseId) {
        DraftCourse c = drafts.lock(tx, courseId).orElseThrow();
        snapshot(tx, c, outlines.outline(tx, courseId), null, null);
    }

    private void snapshot(DbTransaction tx, DraftCourse c, List<DraftSection> outline, Principal p, String ip) {
        Instant now = platform.clock().instant();
        int version = c.publishedVersion() + 1;
        Set<UUID> before = snapshots.publishedLessonIds(tx, c.id());
        Set<UUID> instructorsBefore = new LinkedHashSet<>(snapshots.publishedInstructorIds(tx, c.id()));
        List<SnapshotRepository.LessonFacts> lessons = new ArrayList<>();
        int duration = 0;
        for (DraftSection s : outline) {
            for (DraftLesson l : s.lessons()) {
                lessons.add(new SnapshotRepository.LessonFacts(l, s.title(), s.position(), outlines.json(l.content()),
                        DraftViews.html(l.type(), l.content())));
                duration += l.durationSec();
            }
        }
        String categoryName = categories.find(tx, c.category()).map(cat -> cat.name()).orElse(c.category());
        String names = String.join(" ", c.instructors().stream().map(InstructorRef::displayName).toList());
        snapshots.writeCourse(tx, c.id(), new SnapshotRepository.CourseFacts(version,
                MarkdownHtml.render(c.description()), instructorsJson(c.instructors()),
                c.instructors().stream().map(InstructorRef::id).toList(), names + " " + categoryName, lessons.size(),
                duration, now));
        snapshots.replaceLessons(tx, c.id(), lessons);
        drafts.markPublished(tx, c.id(), c.revision(), version, now);
        snapshots.addWords(tx, String.join(" ", c.title(), c.subtitle(), String.join(" ", c.tags()), names, categoryName));
        c.instructors().forEach(i -> instructorsBefore.remove(i.id()));
        c.instructors().forEach(i -> snapshots.refreshInstructor(tx, i.id(), i.displayName()));
        instructorsBefore.forEach(id -> snapshots.refreshInstructor(tx, id, null));
        List<UUID> lessonIds = lessons.stream().map(f -> f.lesson().id()).toList();
        platform.events().publish(tx, new CoursePublished(c.id(), c.slug(), c.title(), version,
                c.instructors().stream().map(InstructorRef::id).toList(), lessonIds, now));
        if (version > 1) {
            lessons.stream().map(SnapshotRepository.LessonFacts::lesson).filter(l -> !before.contains(l.id()))
                    .forEach(l -> platform.events().publish(tx, new LessonAdded(c.id(), l.id(), l.title(),
                            l.type().name(), l.required(), now)));
        }
        audit.record(tx, record(p, "catalog.course.published", c.id(), ip).with("version", Integer.toString(version)));
    }

    private CourseDraftView draftView(UUID courseId) {
        DbExecute db = platform.db().execute();
        return DraftViews.course(drafts.find(db, courseId).orElseThrow(), outlines.outline(db, courseId));
    }

    private String instructorsJson(List<InstructorRef> instructors) {
        try {
            return platform.json().objectMapper().writeValueAsString(instructors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditRecord record(Principal p, String action, UUID courseId, String ip) {
        return new AuditRecord(p == null ? null : p.userId(), action, "course", courseId.toString(), ip, Map.of());
    }
}
