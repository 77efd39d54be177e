package io.lectern.server.catalog.internal.authoring;

import java.util.Map;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.CourseDraftSummary;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.common.Page;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL over a course's working copy: the {@code courses} row and its instructors. */
public final class DraftStore {

    private static final String COLUMNS = """
            SELECT c.id, c.slug, c.title, c.subtitle, c.description, c.category, c.tags, c.level, c.language,
                   c.pricing, c.price_minor, c.currency, c.thumbnail_media_id, c.owner_id, c.status, c.revision,
                   c.published_revision, c.published_version, c.updated_at, c.published_at
              FROM catalog.courses c
            """;

    public void insert(DbExecute tx, DraftCourse c, Instant now) {
        tx.insert("""
                INSERT INTO catalog.courses (id, slug, title, subtitle, description, category, tags, level, language,
                                             pricing, price_minor, currency, thumbnail_media_id, owner_id, status,
                                             revision, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
                c.id(), c.slug(), c.title(), c.subtitle(), c.description(), c.category(), Rows.textArray(c.tags()),
                c.level().name(), c.language(), c.pricing().name(), c.priceMinor(), c.currency(),
                c.thumbnailMediaId(), c.ownerId(), c.status().name(), Rows.param(now), Rows.param(now));
        setInstructors(tx, c.id(), c.instructors());
    }

    /** Writes the editable fields and counts a new revision. */
    public void update(DbExecute tx, DraftCourse c, Instant now) {
        tx.update("""
                UPDATE catalog.courses
                   SET slug = ?, title = ?, subtitle = ?, description = ?, category = ?, tags = ?, level = ?,
                       language = ?, pricing = ?, price_minor = ?, currency = ?, thumbnail_media_id = ?,
                       revision = revision + 1, updated_at = ?
                 WHERE id = ?""",
                c.slug(), c.title(), c.subtitle(), c.description(), c.category(), Rows.textArray(c.tags()),
                c.level().name(), c.language(), c.pricing().name(), c.priceMinor(), c.currency(),
                c.thumbnailMediaId(), Rows.param(now), c.id());
    }

    /** Counts a new revision after an outline change. */
    public void touch(DbExecute tx, UUID courseId, Instant now) {
        tx.update("UPDATE catalog.courses SET revision = revision + 1, updated_at = ? WHERE id = ?", Rows.param(now),
                courseId);
    }

    /** Serialises slug choices from one base within concurrent transactions (released at commit). */
    public void lockSlugBase(DbExecute tx, String base) {
        tx.get("SELECT pg_advisory_xact_lock(hashtext(?)) IS NULL AS locked", "catalog.slug:" + base);
    }

    public void setInstructors(DbExecute tx, UUID courseId, List<InstructorRef> instructors) {
        tx.delete("DELETE FROM catalog.course_instructors WHERE course_id = ?", courseId);
        int position = 0;
        for (InstructorRef i : instructors) {
            tx.insert("INSERT INTO catalog.course_instructors (course_id, user_id, display_name, position) "
                    + "VALUES (?, ?, ?, ?)", courseId, i.id(), i.displayName(), position++);
        }
    }

    /** Marks courses published at their given revision and version, in one statement. */
    public void markPublished(DbExecute tx, List<DraftCourse> courses, Instant now) {
        tx.update("""
                UPDATE catalog.courses c SET status = 'PUBLISHED', published_revision = f.revision,
                       published_version = f.version, published_at = ?
                  FROM unnest(?::uuid[], ?::int[], ?::int[]) AS f(id, revision, version)
                 WHERE c.id = f.id""", Rows.param(now), Rows.uuidArray(courses.stream().map(DraftCourse::id).toList()),
                courses.stream().mapToInt(DraftCourse::revision).toArray(),
                courses.stream().mapToInt(c -> c.publishedVersion() + 1).toArray());
    }

    public void setStatus(DbExecute tx, UUID courseId, CourseStatus status, Instant now) {
        tx.update("UPDATE catalog.courses SET status = ?, updated_at = ? WHERE id = ?", status.name(),
                Rows.param(now), courseId);
    }

    public void delete(DbExecute tx, UUID courseId) {
        tx.delete("DELETE FROM catalog.courses WHERE id = ?", courseId);
    }

    public Optional<DraftCourse> find(DbExecute db, UUID id) {
        return db.get(COLUMNS + " WHERE c.id = ?", id).map(r -> row(r, instructors(db, id)));
    }

    /** The course row locked for the rest of the transaction (one editor at a time per course). */
    public Optional<DraftCourse> lock(DbExecute tx, UUID id) {
        return tx.get(COLUMNS + " WHERE c.id = ? FOR UPDATE", id).map(r -> row(r, instructors(tx, id)));
    }

    /** The course, draft or published, that uses {@code slug} now, if any. */
    public Optional<UUID> slugHolder(DbExecute db, String slug) {
        return db.get("""
                SELECT id FROM catalog.courses WHERE slug = ?
                UNION ALL SELECT course_id FROM catalog.published_courses WHERE slug = ?
                LIMIT 1""", slug, slug).map(r -> Rows.uuid(r, "id"));
    }

    /** Courses the user teaches (all courses for admins asking for all), most recently changed first. */
    public Page<CourseDraftSummary> studioList(DbExecute db, UUID userId, boolean all, int limit, Optional<PageCursor> after) {
        List<Object> params = new ArrayList<>(List.of(userId));
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.slug, c.title, c.status, c.published_version, c.revision, c.published_revision,
                       c.thumbnail_media_id, c.owner_id = ? AS owner, c.updated_at,
                       (SELECT count(*) FROM catalog.lessons l WHERE l.course_id = c.id) AS lessons
                  FROM catalog.courses c
                 WHERE true""");
        if (!all) {
            sql.append(" AND EXISTS (SELECT 1 FROM catalog.course_instructors i WHERE i.course_id = c.id AND i.user_id = ?)");
            params.add(userId);
        }
        after.ifPresent(a -> {
            sql.append(" AND (c.updated_at, c.id) < (?, ?)");
            params.add(Rows.param(a.at()));
            params.add(a.id());
        });
        sql.append(" ORDER BY c.updated_at DESC, c.id DESC LIMIT ?");
        params.add(limit + 1);
        List<CourseDraftSummary> items;
        try (var rows = db.query(sql.toString(), params.toArray())) {
            items = rows.map(r -> new CourseDraftSummary(Rows.uuid(r, "id"), Rows.text(r, "slug"), Rows.text(r, "title"),
                    CourseStatus.valueOf(Rows.text(r, "status")), (int) Rows.number(r, "published_version"),
                    !java.util.Objects.equals(Rows.integer(r, "published_revision"), Rows.integer(r, "revision")),
                    (int) Rows.number(r, "lessons"), Rows.uuid(r, "thumbnail_media_id"), Rows.flag(r, "owner"),
                    Rows.instant(r, "updated_at"))).toList();
        }
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        CourseDraftSummary last = items.get(limit - 1);
        return new Page<>(items.subList(0, limit), new PageCursor(last.updatedAt(), last.id()).encode());
    }

    private static List<InstructorRef> instructors(DbExecute db, UUID courseId) {
        try (var rows = db.query("""
                SELECT i.user_id, i.display_name, i.user_id = c.owner_id AS owner
                  FROM catalog.course_instructors i JOIN catalog.courses c ON c.id = i.course_id
                 WHERE i.course_id = ? ORDER BY i.position""", courseId)) {
            return rows.map(r -> new InstructorRef(Rows.uuid(r, "user_id"), Rows.text(r, "display_name"),
                    Rows.flag(r, "owner"))).toList();
        }
    }

    private static DraftCourse row(DbRow r, List<InstructorRef> instructors) {
        return new DraftCourse(Rows.uuid(r, "id"), Rows.text(r, "slug"), Rows.text(r, "title"), Rows.text(r, "subtitle"),
                Rows.text(r, "description"), Rows.text(r, "category"), Rows.strings(r, "tags"),
                CourseLevel.valueOf(Rows.text(r, "level")), Rows.text(r, "language"),
                Pricing.valueOf(Rows.text(r, "pricing")), Rows.number(r, "price_minor"), Rows.text(r, "currency"),
                Rows.uuid(r, "thumbnail_media_id"), Rows.uuid(r, "owner_id"), instructors,
                CourseStatus.valueOf(Rows.text(r, "status")), (int) Rows.number(r, "revision"),
                Rows.integer(r, "published_revision"), (int) Rows.number(r, "published_version"),
                Rows.instant(r, "updated_at"), Rows.instant(r, "published_at"));
    }

    /** The courses a person owns or co-teaches, for their data export. */
    public List<Map<String, Object>> taughtBy(DbExecute db, UUID userId) {
        return Rows.maps(db, """
                SELECT c.id, c.title, c.status, c.owner_id = i.user_id AS owner, i.display_name AS shown_as
                  FROM catalog.course_instructors i JOIN catalog.courses c ON c.id = i.course_id WHERE i.user_id = ?
                 ORDER BY c.created_at""", userId);
    }

    /** Shows an instructor under {@code name} on every course; returns the names they were shown under. */
    public List<String> renameInstructor(DbExecute tx, UUID userId, String name) {
        List<String> names;
        try (var rows = tx.query("SELECT DISTINCT display_name FROM catalog.course_instructors WHERE user_id = ?",
                userId)) {
            names = rows.map(r -> Rows.text(r, "display_name")).toList();
        }
        tx.dml("UPDATE catalog.course_instructors SET display_name = ? WHERE user_id = ?", name, userId);
        return names;
    }

    /** Inserts whole courses with their instructors, each kind in one statement (imports of trusted courses). */
    public void insertAll(DbExecute tx, List<DraftCourse> courses, Instant now) {
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
        insertInstructors(tx, courses);
    }

    private void insertInstructors(DbExecute tx, List<DraftCourse> courses) {
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

    private static String[] ids(List<UUID> ids) {
        return Rows.uuidArray(ids);
    }

    private static String[] texts(List<DraftCourse> courses, java.util.function.Function<DraftCourse, String> field) {
        return courses.stream().map(field).toArray(String[]::new);
    }
}
