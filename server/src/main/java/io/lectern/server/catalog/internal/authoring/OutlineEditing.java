package io.lectern.server.catalog.internal.authoring;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseDraftView;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonInput;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.LessonView;
import io.lectern.model.catalog.OutlineOrder;
import io.lectern.model.catalog.SectionInput;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.catalog.internal.lessons.MediaUses;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sections and lessons of a course's working copy. Every change locks the course row first, so concurrent edits
 * of one course apply one after the other and the prerequisite graph is checked against what is really there.
 */
public final class OutlineEditing {

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final DraftStore drafts;
    private final OutlineStore outlines;
    private final MediaUses media;

    public OutlineEditing(Database db, Clock clock, Ids ids, DraftStore drafts, OutlineStore outlines, MediaUses media) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.drafts = drafts;
        this.outlines = outlines;
        this.media = media;
    }

    public CourseDraftView.Section addSection(Principal p, UUID courseId, SectionInput in) {
        String title = sectionTitle(in);
        return db.inTransaction(tx -> {
            editable(tx, p, courseId);
            UUID id = outlines.addSection(tx, ids.next(), courseId, title);
            drafts.touch(tx, courseId, clock.instant());
            return new CourseDraftView.Section(id, title, List.of());
        });
    }

    public CourseDraftView.Section renameSection(Principal p, UUID sectionId, SectionInput in) {
        String title = sectionTitle(in);
        return db.inTransaction(tx -> {
            UUID courseId = courseOfSection(tx, sectionId);
            editable(tx, p, courseId);
            outlines.renameSection(tx, sectionId, title);
            drafts.touch(tx, courseId, clock.instant());
            DraftSection s = outlines.outline(tx, courseId).stream().filter(x -> x.id().equals(sectionId)).findFirst()
                    .orElseThrow();
            return new CourseDraftView.Section(s.id(), s.title(), s.lessons().stream().map(DraftViews::lesson).toList());
        });
    }

    /** Deletes a section with its lessons; learners keep seeing them until the next publish. */
    public void deleteSection(Principal p, UUID sectionId) {
        db.doInTransaction(tx -> {
            UUID courseId = courseOfSection(tx, sectionId);
            editable(tx, p, courseId);
            outlines.deleteSection(tx, sectionId);
            drafts.touch(tx, courseId, clock.instant());
        });
    }

    public LessonView addLesson(Principal p, UUID sectionId, LessonInput in) {
        LessonRules.check(in, true);
        return db.inTransaction(tx -> {
            UUID courseId = courseOfSection(tx, sectionId);
            DraftCourse course = editable(tx, p, courseId);
            UUID id = ids.next();
            List<UUID> prerequisites = prerequisites(tx, courseId, id, in.prerequisiteIds());
            LessonContent content = LessonRules.forType(in.type(), in.content());
            media.requireUsable(tx, p, staffIds(course), in.type(), content, null);
            DraftLesson lesson = new DraftLesson(id, courseId, sectionId, in.title().strip(), in.type(), 0,
                    in.durationSec() == null ? 0 : in.durationSec(), Boolean.TRUE.equals(in.preview()),
                    in.required() == null || in.required(), content, prerequisites);
            outlines.insertLesson(tx, lesson);
            drafts.touch(tx, courseId, clock.instant());
            return DraftViews.lesson(outlines.lesson(tx, id).orElseThrow());
        });
    }

    public LessonView updateLesson(Principal p, UUID lessonId, LessonInput in) {
        LessonRules.check(in, false);
        return db.inTransaction(tx -> {
            DraftCourse course = editable(tx, p, lesson(tx, lessonId).courseId());
            DraftLesson l = lesson(tx, lessonId);
            LessonType type = in.type() != null ? in.type() : l.type();
            LessonContent content = LessonRules.forType(type, in.content() != null ? in.content() : l.content());
            media.requireUsable(tx, p, staffIds(course), type, content, type == l.type() ? l.content() : null);
            List<UUID> prerequisites = in.prerequisiteIds() == null ? l.prerequisiteIds()
                    : prerequisites(tx, l.courseId(), l.id(), in.prerequisiteIds());
            outlines.updateLesson(tx, new DraftLesson(l.id(), l.courseId(), l.sectionId(),
                    in.title() != null ? in.title().strip() : l.title(), type, l.position(),
                    in.durationSec() != null ? in.durationSec() : l.durationSec(),
                    in.preview() != null ? in.preview() : l.preview(), in.required() != null ? in.required() : l.required(),
                    content, prerequisites));
            drafts.touch(tx, l.courseId(), clock.instant());
            return DraftViews.lesson(outlines.lesson(tx, lessonId).orElseThrow());
        });
    }

    public void deleteLesson(Principal p, UUID lessonId) {
        db.doInTransaction(tx -> {
            DraftLesson l = lesson(tx, lessonId);
            editable(tx, p, l.courseId());
            outlines.deleteLesson(tx, lessonId);
            drafts.touch(tx, l.courseId(), clock.instant());
        });
    }

    /** Puts every section and lesson in the given order in one transaction; lessons may change sections. */
    public void reorder(Principal p, UUID courseId, OutlineOrder order, Optional<String> ifMatch) {
        db.doInTransaction(tx -> {
            DraftCourse c = editable(tx, p, courseId);
            Authoring.requireRevision(c, ifMatch);
            List<DraftSection> current = outlines.outline(tx, courseId);
            requireSameItems(current, order);
            for (int s = 0; s < order.sections().size(); s++) {
                OutlineOrder.Section section = order.sections().get(s);
                outlines.placeSection(tx, section.id(), s);
                for (int l = 0; l < section.lessonIds().size(); l++) {
                    outlines.placeLesson(tx, section.lessonIds().get(l), section.id(), l);
                }
            }
            drafts.touch(tx, courseId, clock.instant());
        });
    }

    private static void requireSameItems(List<DraftSection> current, OutlineOrder order) {
        Set<UUID> sections = current.stream().map(DraftSection::id).collect(Collectors.toSet());
        Set<UUID> lessons = current.stream().flatMap(s -> s.lessons().stream()).map(DraftLesson::id)
                .collect(Collectors.toSet());
        List<UUID> givenSections = order.sections().stream().map(OutlineOrder.Section::id).toList();
        List<UUID> givenLessons = order.sections().stream().flatMap(s -> s.lessonIds().stream()).toList();
        List<FieldViolation> wrong = new java.util.ArrayList<>();
        if (givenSections.size() != sections.size() || !sections.equals(new java.util.HashSet<>(givenSections))) {
            wrong.add(new FieldViolation("sections", "exact_set",
                    "List every section of the course exactly once (" + sections.size() + ")."));
        }
        if (givenLessons.size() != lessons.size() || !lessons.equals(new java.util.HashSet<>(givenLessons))) {
            wrong.add(new FieldViolation("sections[].lessonIds", "exact_set",
                    "List every lesson of the course exactly once (" + lessons.size() + ")."));
        }
        if (!wrong.isEmpty()) {
            throw new ApiException(409, "outline.out_of_date", "The outline you sent does not match the course's "
                    + "sections and lessons; reload it and try again.", wrong, Map.of());
        }
    }

    /**
     * Checks a lesson's new prerequisites: lessons of the same course, not itself, and no cycle through it.
     * Returns them de-duplicated.
     */
    private List<UUID> prerequisites(DbExecute tx, UUID courseId, UUID lessonId, List<UUID> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return List.of();
        }
        List<UUID> unique = wanted.stream().distinct().toList();
        Map<UUID, List<UUID>> edges = outlines.prerequisiteEdges(tx, courseId);
        Set<UUID> inCourse = outlines.outline(tx, courseId).stream().flatMap(s -> s.lessons().stream())
                .map(DraftLesson::id).collect(Collectors.toSet());
        Validation v = new Validation();
        for (int i = 0; i < unique.size(); i++) {
            UUID r = unique.get(i);
            v.check(r != null && !r.equals(lessonId) && inCourse.contains(r), "prerequisiteIds[" + i + "]",
                    "same_course", "Prerequisites must be other lessons of the same course.");
        }
        v.throwIfInvalid();
        PrerequisiteGraph graph = new PrerequisiteGraph(edges);
        graph.set(lessonId, unique);
        graph.cycleThrough(lessonId).ifPresent(cycle -> {
            throw ApiException.rule("lesson.prerequisite_cycle", "These prerequisites would make lessons wait for each "
                    + "other in a circle (" + cycle.size() + " steps); remove one of them.",
                    List.of(new FieldViolation("prerequisiteIds", "acyclic", "The prerequisites form a cycle.")))
                    .with("cycle", cycle);
        });
        return unique;
    }

    private DraftCourse editable(DbExecute tx, Principal p, UUID courseId) {
        DraftCourse c = drafts.lock(tx, courseId).orElseThrow(() -> ApiException.notFound("This course"));
        CourseStaff.requireEditor(p, c);
        return c;
    }

    public static List<UUID> staffIds(DraftCourse course) {
        return course.instructors().stream().map(io.lectern.model.catalog.InstructorRef::id).toList();
    }

    private UUID courseOfSection(DbExecute tx, UUID sectionId) {
        return outlines.courseOfSection(tx, sectionId).orElseThrow(() -> ApiException.notFound("This section"));
    }

    private DraftLesson lesson(DbExecute tx, UUID lessonId) {
        return outlines.lesson(tx, lessonId).orElseThrow(() -> ApiException.notFound("This lesson"));
    }

    private static String sectionTitle(SectionInput in) {
        String title = in.title() == null ? "" : in.title().strip();
        new Validation().required("title", title)
                .check(title.length() <= 120, "title", "max_length", "title must be at most 120 characters.")
                .throwIfInvalid();
        return title;
    }
}
