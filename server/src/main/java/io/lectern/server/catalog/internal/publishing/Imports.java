package io.lectern.server.catalog.internal.publishing;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Pricing;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.catalog.internal.authoring.DraftCourse;
import io.lectern.server.catalog.internal.authoring.DraftLesson;
import io.lectern.server.catalog.internal.authoring.DraftSection;
import io.lectern.server.catalog.internal.authoring.LessonRules;
import io.lectern.server.catalog.internal.authoring.OutlineStore;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whole published courses from trusted data (the demo seed, a migration from another platform, the benchmark's
 * 100,000 courses): drafts and outlines are written a batch at a time with one set-based statement per table,
 * then published through the same snapshot code as an instructor's publish.
 */
public final class Imports {

    private final Database db;
    private final Clock clock;
    private final Ids idGen;
    private final Publishing publishing;
    private final OutlineStore outlines;

    public Imports(Database db, Clock clock, Ids idGen, Publishing publishing, OutlineStore outlines) {
        this.db = db;
        this.clock = clock;
        this.idGen = idGen;
        this.publishing = publishing;
        this.outlines = outlines;
    }

    /**
     * Imports and publishes the courses in one transaction; returns their new ids in order. Bulk imports may leave
     * the instructor directory to one {@link SnapshotStore#rebuildDirectory} at the end.
     */
    public List<UUID> importPublished(List<CourseDraft> courses, boolean refreshDirectory) {
        return db.inTransaction(tx -> {
            Instant now = clock.instant();
            List<Publishing.Publication> publications = courses.stream().map(d -> publication(d, now)).toList();
            write(tx, publications, now);
            publishing.publishTrusted(tx, publications, refreshDirectory);
            return publications.stream().map(p -> p.course().id()).toList();
        });
    }

    private Publishing.Publication publication(CourseDraft d, Instant now) {
        UUID id = idGen.next();
        UUID owner = d.instructors().getFirst().userId();
        List<InstructorRef> instructors = d.instructors().stream()
                .map(i -> new InstructorRef(i.userId(), i.displayName(), i.userId().equals(owner))).toList();
        DraftCourse course = new DraftCourse(id, d.slug(), d.title(), d.subtitle(), d.description(), d.category(),
                d.tags(), d.level() == null ? CourseLevel.BEGINNER : d.level(), d.language(),
                d.priceMinor() > 0 ? Pricing.ONE_TIME : Pricing.FREE, d.priceMinor(), d.currency(), null, owner,
                instructors, CourseStatus.DRAFT, 1, null, 0, now, null);
        List<DraftSection> sections = new ArrayList<>();
        for (CourseDraft.Section s : d.sections()) {
            UUID sectionId = idGen.next();
            List<DraftLesson> lessons = new ArrayList<>();
            for (CourseDraft.Lesson l : s.lessons()) {
                LessonType type = LessonType.valueOf(l.type());
                LessonContent content = LessonRules.forType(type, new LessonContent(null, List.of(), l.body(), null,
                        l.body(), null, null));
                lessons.add(new DraftLesson(idGen.next(), id, sectionId, l.title(), type, lessons.size(),
                        l.durationSec(), l.preview(), true, content, List.of()));
            }
            sections.add(new DraftSection(sectionId, s.title(), sections.size(), lessons));
        }
        return new Publishing.Publication(course, sections);
    }

    private void write(DbTransaction tx, List<Publishing.Publication> publications, Instant now) {
        List<DraftCourse> courses = publications.stream().map(Publishing.Publication::course).toList();
        tx.insert("""
                INSERT INTO catalog.courses (id, slug, title, subtitle, description, category, level, language, pricing,
                                             price_minor, currency, owner_id, tags, status, revision, created_at,
                                             updated_at)
                SELECT id, slug, title, subtitle, description, category, level, language, pricing, price, currency, owner,
                       CASE WHEN tags = '' THEN '{}'::text[] ELSE string_to_array(tags, E'\\x1f') END, 'DRAFT', 1, ?, ?
                  FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::bigint[], ?::text[], ?::uuid[], ?::text[])
                       AS t(id, slug, title, subtitle, description, category, level, language, pricing, price, currency,
                            owner, tags)""",
                Rows.param(now), Rows.param(now), ids(courses.stream().map(DraftCourse::id).toList()),
                texts(courses, DraftCourse::slug), texts(courses, DraftCourse::title), texts(courses, DraftCourse::subtitle),
                texts(courses, DraftCourse::description), texts(courses, DraftCourse::category),
                texts(courses, c -> c.level().name()), texts(courses, DraftCourse::language),
                texts(courses, c -> c.pricing().name()), courses.stream().mapToLong(DraftCourse::priceMinor).toArray(),
                texts(courses, DraftCourse::currency), ids(courses.stream().map(DraftCourse::ownerId).toList()),
                texts(courses, c -> String.join("\u001f", c.tags())));
        writeInstructors(tx, courses);
        writeOutlines(tx, publications);
    }

    private void writeInstructors(DbExecute tx, List<DraftCourse> courses) {
        List<UUID> course = new ArrayList<>();
        List<InstructorRef> refs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (DraftCourse c : courses) {
            for (int position = 0; position < c.instructors().size(); position++) {
                course.add(c.id());
                positions.add(position);
                refs.add(c.instructors().get(position));
            }
        }
        tx.insert("""
                INSERT INTO catalog.course_instructors (course_id, user_id, display_name, position)
                SELECT c, u, n, p FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[]) AS t(c, u, n, p)""",
                ids(course), ids(refs.stream().map(InstructorRef::id).toList()),
                refs.stream().map(InstructorRef::displayName).toArray(String[]::new),
                positions.stream().mapToInt(Integer::intValue).toArray());
    }

    private void writeOutlines(DbExecute tx, List<Publishing.Publication> publications) {
        List<DraftSection> sections = new ArrayList<>();
        List<UUID> sectionCourse = new ArrayList<>();
        List<DraftLesson> lessons = new ArrayList<>();
        for (Publishing.Publication p : publications) {
            for (DraftSection s : p.outline()) {
                sections.add(s);
                sectionCourse.add(p.course().id());
                lessons.addAll(s.lessons());
            }
        }
        tx.insert("""
                INSERT INTO catalog.sections (id, course_id, title, position)
                SELECT i, c, t, p FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[]) AS x(i, c, t, p)""",
                ids(sections.stream().map(DraftSection::id).toList()), ids(sectionCourse),
                sections.stream().map(DraftSection::title).toArray(String[]::new),
                sections.stream().mapToInt(DraftSection::position).toArray());
        boolean[] preview = new boolean[lessons.size()];
        for (int i = 0; i < preview.length; i++) {
            preview[i] = lessons.get(i).preview();
        }
        tx.insert("""
                INSERT INTO catalog.lessons (id, section_id, course_id, title, type, position, duration_sec, preview,
                                             content)
                SELECT i, s, c, t, ty, p, d, pr, co::jsonb
                  FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::boolean[],
                              ?::text[]) AS x(i, s, c, t, ty, p, d, pr, co)""",
                ids(lessons.stream().map(DraftLesson::id).toList()), ids(lessons.stream().map(DraftLesson::sectionId).toList()),
                ids(lessons.stream().map(DraftLesson::courseId).toList()),
                lessons.stream().map(DraftLesson::title).toArray(String[]::new),
                lessons.stream().map(l -> l.type().name()).toArray(String[]::new),
                lessons.stream().mapToInt(DraftLesson::position).toArray(),
                lessons.stream().mapToInt(DraftLesson::durationSec).toArray(), preview,
                lessons.stream().map(l -> outlines.json(l.content())).toArray(String[]::new));
    }

    private static String[] ids(List<UUID> ids) {
        return Rows.uuidArray(ids);
    }

    private static String[] texts(List<DraftCourse> courses, java.util.function.Function<DraftCourse, String> field) {
        return courses.stream().map(field).toArray(String[]::new);
    }
}
