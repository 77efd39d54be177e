package io.lectern.server.catalog.internal;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.Money;
import io.lectern.model.common.Page;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.PageCursor;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over the catalog schema. */
public final class CourseRepository {

    private static final String SUMMARY = """
            SELECT c.id, c.slug, c.title, c.subtitle, c.category, c.level, c.language, c.price_minor, c.currency,
                   c.published_at,
                   ARRAY(SELECT i.display_name FROM catalog.course_instructors i
                          WHERE i.course_id = c.id ORDER BY i.position) AS instructors,
                   (SELECT count(*) FROM catalog.lessons l WHERE l.course_id = c.id) AS lesson_count
              FROM catalog.courses c
             WHERE c.status = 'PUBLISHED'
            """;

    public void upsertCategories(DbExecute tx, Map<String, String> categories) {
        int position = 0;
        for (var e : categories.entrySet()) {
            tx.insert("INSERT INTO catalog.categories (slug, name, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    e.getKey(), e.getValue(), position++);
        }
    }

    public void insertCourse(DbExecute tx, UUID id, CourseDraft d, Instant publishedAt, Ids ids) {
        tx.insert("""
                INSERT INTO catalog.courses (id, slug, title, subtitle, description, category, level, language,
                                             price_minor, currency, status, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?)""",
                id, d.slug(), d.title(), d.subtitle(), d.description(), d.category(), d.level().name(), d.language(),
                d.priceMinor(), d.currency(), Rows.param(publishedAt));
        int position = 0;
        for (CourseDraft.Instructor instructor : d.instructors()) {
            tx.insert("INSERT INTO catalog.course_instructors (course_id, user_id, display_name, position) "
                    + "VALUES (?, ?, ?, ?)", id, instructor.userId(), instructor.displayName(), position++);
        }
        int sectionPosition = 0;
        for (CourseDraft.Section section : d.sections()) {
            UUID sectionId = ids.next();
            tx.insert("INSERT INTO catalog.sections (id, course_id, title, position) VALUES (?, ?, ?, ?)",
                    sectionId, id, section.title(), sectionPosition++);
            int lessonPosition = 0;
            for (CourseDraft.Lesson l : section.lessons()) {
                tx.insert("""
                        INSERT INTO catalog.lessons (id, section_id, course_id, title, type, position, duration_sec,
                                                     preview, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", ids.next(), sectionId, id, l.title(), l.type(),
                        lessonPosition++, l.durationSec(), l.preview(), l.body());
            }
        }
    }

    public long countPublished(DbExecute db) {
        return db.get("SELECT count(*) AS n FROM catalog.courses WHERE status = 'PUBLISHED'")
                .map(r -> Rows.number(r, "n")).orElse(0L);
    }

    /** Newest first, keyset-paginated on (published_at, id). */
    public Page<CourseSummary> published(DbExecute db, int limit, String cursor) {
        Optional<PageCursor> after = PageCursor.decode(cursor);
        String sql = SUMMARY + (after.isPresent() ? " AND (c.published_at, c.id) < (?, ?)" : "")
                + " ORDER BY c.published_at DESC, c.id DESC LIMIT ?";
        Object[] params = after.map(a -> new Object[] {Rows.param(a.at()), a.id(), limit + 1})
                .orElse(new Object[] {limit + 1});
        List<CourseSummary> rows;
        try (var stream = db.query(sql, params)) {
            rows = stream.map(CourseRepository::summary).toList();
        }
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        CourseSummary last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), new PageCursor(last.publishedAt(), last.id()).encode());
    }

    public Optional<CourseSummary> findPublished(DbExecute db, String idOrSlug) {
        Optional<UUID> id = parseUuid(idOrSlug);
        return id.isPresent() ? db.get(SUMMARY + " AND c.id = ?", id.get()).map(CourseRepository::summary)
                : db.get(SUMMARY + " AND c.slug = ?", idOrSlug).map(CourseRepository::summary);
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static CourseSummary summary(DbRow r) {
        return new CourseSummary(Rows.uuid(r, "id"), Rows.text(r, "slug"), Rows.text(r, "title"),
                Rows.text(r, "subtitle"), Rows.text(r, "category"), CourseLevel.valueOf(Rows.text(r, "level")),
                Rows.text(r, "language"), new Money(Rows.number(r, "price_minor"), Rows.text(r, "currency")),
                names(Rows.value(r, "instructors")), (int) Rows.number(r, "lesson_count"),
                Rows.instant(r, "published_at"));
    }

    private static List<String> names(Object array) {
        try {
            return array instanceof Array a ? Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList()
                    : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
