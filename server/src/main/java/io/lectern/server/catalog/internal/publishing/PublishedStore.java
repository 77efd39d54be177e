package io.lectern.server.catalog.internal.publishing;

import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Money;
import io.lectern.model.catalog.Pricing;
import io.lectern.server.catalog.internal.authoring.OutlineStore;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the published snapshot: course cards, course pages and lessons as learners see them. */
public final class PublishedStore {

    public static final String SUMMARY_COLUMNS = """
            p.course_id, p.slug, p.title, p.subtitle, p.category, p.level, p.language, p.pricing, p.price_minor,
            p.currency, p.thumbnail_media_id, p.instructors::text AS instructors, p.rating_avg, p.rating_count,
            p.enrollment_count, p.lesson_count, p.duration_sec, p.first_published_at""";

    private static final String COURSE = "SELECT " + SUMMARY_COLUMNS + """
            , p.status, p.version, p.owner_id, p.description, p.description_html, p.tags, p.rating_hist,
              p.instructor_ids, p.published_at, cat.name AS category_name, cat.position AS category_position
              FROM catalog.published_courses p JOIN catalog.categories cat ON cat.slug = p.category
            """;

    private static final String LESSON = """
            SELECT l.lesson_id, l.course_id, l.section_id, l.section_title, l.section_position, l.position, l.title,
                   l.type, l.duration_sec, l.preview, l.required, l.content::text AS content, l.html, l.prerequisite_ids
              FROM catalog.published_lessons l
            """;

    private static final TypeReference<List<InstructorRef>> INSTRUCTORS = new TypeReference<>() { };

    private final ObjectMapper mapper;
    private final OutlineStore outlines;

    public PublishedStore(ObjectMapper mapper, OutlineStore outlines) {
        this.mapper = mapper;
        this.outlines = outlines;
    }

    public Optional<PublishedCourse> course(DbExecute db, String idOrSlug) {
        Sql sql = courseSql(idOrSlug);
        return db.get(sql.text(), sql.params()).map(this::course);
    }

    public static Sql courseSql(String idOrSlug) {
        Optional<UUID> id = uuid(idOrSlug);
        return id.isPresent() ? new Sql(COURSE + " WHERE p.course_id = ?", id.get())
                : new Sql(COURSE + " WHERE p.slug = ?", idOrSlug);
    }

    public List<PublishedLesson> lessons(DbExecute db, UUID courseId) {
        Sql sql = lessonsSql(courseId);
        try (var rows = db.query(sql.text(), sql.params())) {
            return rows.map(this::lesson).toList();
        }
    }

    public static Sql lessonsSql(UUID courseId) {
        return new Sql(LESSON + " WHERE l.course_id = ? ORDER BY l.section_position, l.position", courseId);
    }

    public Optional<PublishedLesson> lesson(DbExecute db, UUID lessonId) {
        return db.get(LESSON + " WHERE l.lesson_id = ?", lessonId).map(this::lesson);
    }

    /** An instructor's published courses, newest first. */
    public List<CourseSummary> byInstructor(DbExecute db, UUID userId, int limit) {
        try (var rows = db.query("SELECT " + SUMMARY_COLUMNS + """
                 FROM catalog.published_courses p
                WHERE p.instructor_ids @> ARRAY[?]::uuid[] AND p.status = 'PUBLISHED'
                ORDER BY p.first_published_at DESC, p.course_id DESC LIMIT ?""", userId, limit)) {
            return rows.map(this::summary).toList();
        }
    }

    public CourseSummary summary(DbRow r) {
        return new CourseSummary(Rows.uuid(r, "course_id"), Rows.text(r, "slug"), Rows.text(r, "title"),
                Rows.text(r, "subtitle"), Rows.text(r, "category"), CourseLevel.valueOf(Rows.text(r, "level")),
                Rows.text(r, "language"), Pricing.valueOf(Rows.text(r, "pricing")),
                new Money(Rows.number(r, "price_minor"), Rows.text(r, "currency")), Rows.uuid(r, "thumbnail_media_id"),
                instructors(Rows.text(r, "instructors")).stream().map(InstructorRef::displayName).toList(),
                Rows.decimal(r, "rating_avg"), (int) Rows.number(r, "rating_count"), Rows.number(r, "enrollment_count"),
                (int) Rows.number(r, "lesson_count"), (int) Rows.number(r, "duration_sec"),
                Rows.instant(r, "first_published_at"));
    }

    private PublishedCourse course(DbRow r) {
        List<Integer> hist = Rows.strings(r, "rating_hist").stream().map(Integer::valueOf).toList();
        return new PublishedCourse(summary(r), CourseStatus.valueOf(Rows.text(r, "status")),
                (int) Rows.number(r, "version"), Rows.uuid(r, "owner_id"), Rows.text(r, "description"),
                Rows.text(r, "description_html"), Rows.text(r, "category_name"),
                (int) Rows.number(r, "category_position"), Rows.strings(r, "tags"),
                instructors(Rows.text(r, "instructors")), Rows.uuids(r, "instructor_ids"), hist,
                Rows.instant(r, "published_at"));
    }

    private PublishedLesson lesson(DbRow r) {
        return new PublishedLesson(Rows.uuid(r, "lesson_id"), Rows.uuid(r, "course_id"), Rows.uuid(r, "section_id"),
                Rows.text(r, "section_title"), (int) Rows.number(r, "section_position"), (int) Rows.number(r, "position"),
                Rows.text(r, "title"), LessonType.valueOf(Rows.text(r, "type")), (int) Rows.number(r, "duration_sec"),
                Rows.flag(r, "preview"), Rows.flag(r, "required"), outlines.content(Rows.text(r, "content")),
                Rows.text(r, "html"), Rows.uuids(r, "prerequisite_ids"));
    }

    private List<InstructorRef> instructors(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, INSTRUCTORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored instructors are not valid JSON", e);
        }
    }

    public static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Adds each course's delta to its enrollment count (never below zero), in one statement. */
    public void adjustEnrollmentCounts(DbExecute tx, Map<UUID, Integer> deltas) {
        tx.update("""
                UPDATE catalog.published_courses p SET enrollment_count = greatest(0, p.enrollment_count + d.delta)
                  FROM unnest(?::uuid[], ?::int[]) AS d(course_id, delta) WHERE p.course_id = d.course_id""",
                Rows.uuidArray(deltas.keySet()), deltas.values().stream().mapToInt(Integer::intValue).toArray());
    }

    /** How many courses are published now. */
    public long publishedCount(DbExecute db) {
        return db.get("SELECT count(*) AS n FROM catalog.published_courses WHERE status = 'PUBLISHED'")
                .map(r -> Rows.number(r, "n")).orElse(0L);
    }
}
