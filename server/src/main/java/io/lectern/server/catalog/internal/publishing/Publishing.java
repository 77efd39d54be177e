package io.lectern.server.catalog.internal.publishing;

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
import io.lectern.server.catalog.internal.CatalogCaches;
import io.lectern.server.catalog.internal.authoring.Authoring;
import io.lectern.server.catalog.internal.authoring.CourseStaff;
import io.lectern.server.catalog.internal.authoring.DraftCourse;
import io.lectern.server.catalog.internal.authoring.DraftLesson;
import io.lectern.server.catalog.internal.authoring.DraftStore;
import io.lectern.server.catalog.internal.authoring.DraftSection;
import io.lectern.server.catalog.internal.authoring.DraftViews;
import io.lectern.server.catalog.internal.authoring.MarkdownHtml;
import io.lectern.server.catalog.internal.authoring.OutlineStore;
import io.lectern.server.catalog.internal.categories.CategoryStore;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
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
public final class Publishing {

    private final Database database;
    private final Clock clock;
    private final Json json;
    private final EventBus events;
    private final DraftStore drafts;
    private final OutlineStore outlines;
    private final SnapshotStore snapshots;
    private final CategoryStore categories;
    private final AuditService audit;
    private final CatalogCaches caches;

    public Publishing(Database database, Clock clock, Json json, EventBus events, DraftStore drafts,
                      OutlineStore outlines, SnapshotStore snapshots,
               CategoryStore categories, AuditService audit, CatalogCaches caches) {
        this.caches = caches;
        this.database = database;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.drafts = drafts;
        this.outlines = outlines;
        this.snapshots = snapshots;
        this.categories = categories;
        this.audit = audit;
    }

    /** Publishes the working copy (again); publishing an unchanged published course changes nothing. */
    public CourseDraftView publish(Principal p, UUID courseId, Optional<String> ifMatch, String ip) {
        try {
            database.doInTransaction(tx -> {
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
        caches.coursePublished(courseId);
        return draftView(courseId);
    }

    /** Takes a published course out of the catalog; enrolled learners keep access. */
    public CourseDraftView archive(Principal p, UUID courseId, String ip) {
        database.doInTransaction(tx -> {
            DraftCourse c = drafts.lock(tx, courseId).orElseThrow(() -> ApiException.notFound("This course"));
            CourseStaff.requireEditor(p, c);
            if (c.status() != CourseStatus.PUBLISHED) {
                throw new ApiException(409, "course.not_published", c.status() == CourseStatus.ARCHIVED
                        ? "This course is already archived." : "Only published courses can be archived.");
            }
            Instant now = clock.instant();
            drafts.setStatus(tx, courseId, CourseStatus.ARCHIVED, now);
            snapshots.setStatus(tx, courseId, CourseStatus.ARCHIVED);
            snapshots.refreshInstructors(tx, names(c.instructors()));
            events.publish(tx, new CourseArchived(courseId, c.title(), p.userId(), now));
            audit.record(tx, record(p, "catalog.course.archived", courseId, ip));
        });
        caches.coursePublished(courseId);
        return draftView(courseId);
    }

    /**
     * Publishes trusted content (the demo seed, imports) without the completeness checks (imported videos may get
     * their files later), any number of courses in a few set-based statements.
     */
    public void publishTrusted(DbTransaction tx, List<Publication> publications, boolean refreshDirectory) {
        snapshot(tx, publications, null, null, refreshDirectory);
    }

    /**
     * A course about to be published with its outline.
     *
     * @param course  the draft
     * @param outline its sections and lessons
     */
    public record Publication(DraftCourse course, List<DraftSection> outline) {
    }

    private void snapshot(DbTransaction tx, DraftCourse c, List<DraftSection> outline, Principal p, String ip) {
        snapshot(tx, List.of(new Publication(c, outline)), p, ip, true);
    }

    private void snapshot(DbTransaction tx, List<Publication> publications, Principal p, String ip,
                          boolean refreshDirectory) {
        Instant now = clock.instant();
        Map<String, String> categoryNames = new java.util.HashMap<>();
        categories.names(tx).forEach(cat -> categoryNames.put(cat.slug(), cat.name()));
        List<UUID> ids = publications.stream().map(x -> x.course().id()).toList();
        Map<UUID, Set<UUID>> lessonsBefore = new java.util.HashMap<>();
        Set<UUID> instructorsBefore = new LinkedHashSet<>();
        if (publications.size() == 1) {
            lessonsBefore.put(ids.getFirst(), snapshots.publishedLessonIds(tx, ids.getFirst()));
            instructorsBefore.addAll(snapshots.publishedInstructorIds(tx, ids.getFirst()));
        }
        List<SnapshotStore.CourseFacts> facts = new ArrayList<>();
        List<SnapshotStore.LessonFacts> lessons = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        Map<UUID, String> instructors = new java.util.LinkedHashMap<>();
        for (Publication pub : publications) {
            DraftCourse c = pub.course();
            int duration = 0;
            int count = 0;
            for (DraftSection s : pub.outline()) {
                for (DraftLesson l : s.lessons()) {
                    lessons.add(new SnapshotStore.LessonFacts(l, s.title(), s.position(), outlines.json(l.content()),
                            DraftViews.html(l.type(), l.content())));
                    duration += l.durationSec();
                    count++;
                }
            }
            String categoryName = categoryNames.getOrDefault(c.category(), c.category());
            String names = String.join(" ", c.instructors().stream().map(InstructorRef::displayName).toList());
            facts.add(new SnapshotStore.CourseFacts(c.id(), c.publishedVersion() + 1,
                    MarkdownHtml.render(c.description()), instructorsJson(c.instructors()), names + " " + categoryName,
                    count, duration));
            words.append(' ').append(String.join(" ", c.title(), c.subtitle(), String.join(" ", c.tags()), names,
                    categoryName));
            c.instructors().forEach(i -> instructors.put(i.id(), i.displayName()));
        }
        snapshots.writeCourses(tx, facts, now);
        snapshots.replaceLessons(tx, ids, lessons);
        drafts.markPublished(tx, publications.stream().map(Publication::course).toList(), now);
        snapshots.addWords(tx, words.toString());
        if (refreshDirectory) {
            instructorsBefore.removeAll(instructors.keySet());
            instructorsBefore.forEach(id -> instructors.put(id, null));
            snapshots.refreshInstructors(tx, instructors);
        }
        announce(tx, publications, lessons, lessonsBefore, p, ip, now);
    }

    private void announce(DbTransaction tx, List<Publication> publications, List<SnapshotStore.LessonFacts> lessons,
                          Map<UUID, Set<UUID>> lessonsBefore, Principal p, String ip, Instant now) {
        for (Publication pub : publications) {
            DraftCourse c = pub.course();
            int version = c.publishedVersion() + 1;
            List<DraftLesson> own = lessons.stream().map(SnapshotStore.LessonFacts::lesson)
                    .filter(l -> l.courseId().equals(c.id())).toList();
            events.publish(tx, new CoursePublished(c.id(), c.slug(), c.title(), version,
                    c.instructors().stream().map(InstructorRef::id).toList(), own.stream().map(DraftLesson::id).toList(),
                    now));
            Set<UUID> before = lessonsBefore.getOrDefault(c.id(), Set.of());
            if (version > 1) {
                own.stream().filter(l -> !before.contains(l.id())).forEach(l -> events.publish(tx,
                        new LessonAdded(c.id(), l.id(), l.title(), l.type().name(), l.required(), now)));
            }
            if (p != null) {
                audit.record(tx, record(p, "catalog.course.published", c.id(), ip)
                        .with("version", Integer.toString(version)));
            }
        }
    }

    private CourseDraftView draftView(UUID courseId) {
        DbExecute db = database.execute();
        return DraftViews.course(drafts.find(db, courseId).orElseThrow(), outlines.outline(db, courseId));
    }

    private String instructorsJson(List<InstructorRef> instructors) {
        try {
            return json.objectMapper().writeValueAsString(instructors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Instructor ids to display names, for the directory refresh. */
    public static Map<UUID, String> names(List<InstructorRef> instructors) {
        Map<UUID, String> names = new java.util.LinkedHashMap<>();
        instructors.forEach(i -> names.put(i.id(), i.displayName()));
        return names;
    }

    public static AuditRecord record(Principal p, String action, UUID courseId, String ip) {
        return new AuditRecord(p == null ? null : p.userId(), action, "course", courseId.toString(), ip, Map.of());
    }
}
