package io.lectern.server.catalog.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what learners and the search see: a course's published snapshot (replaced as a whole by each publish),
 * the spelling lexicon and the instructor directory. Runs inside the publish transaction.
 */
final class SnapshotRepository {

    /**
     * What a publish computed in Java for the snapshot row.
     *
     * @param version         the new published version
     * @param descriptionHtml sanitised description
     * @param instructorsJson instructors as JSON ({@code [{id, displayName, owner}]})
     * @param instructorIds   instructor ids
     * @param searchNames     instructor and category names for the search vector
     * @param lessonCount     lessons
     * @param durationSec     total duration
     * @param now             publish time
     */
    record CourseFacts(int version, String descriptionHtml, String instructorsJson, List<UUID> instructorIds,
                       String searchNames, int lessonCount, int durationSec, Instant now) {
    }

    /**
     * One lesson of the snapshot.
     *
     * @param lesson          the draft lesson
     * @param sectionTitle    its section's title
     * @param sectionPosition its section's place
     * @param contentJson     content as JSON
     * @param html            rendered Markdown, or null
     */
    record LessonFacts(DraftLesson lesson, String sectionTitle, int sectionPosition, String contentJson, String html) {
    }

    void writeCourse(DbExecute tx, UUID courseId, CourseFacts f) {
        tx.insert("""
                INSERT INTO catalog.published_courses (course_id, slug, status, version, owner_id, title, subtitle,
                       description, description_html, category, tags, level, language, pricing, price_minor, currency,
                       thumbnail_media_id, instructors, instructor_ids, lesson_count, duration_sec, first_published_at,
                       published_at, search)
                SELECT c.id, c.slug, 'PUBLISHED', ?, c.owner_id, c.title, c.subtitle, c.description, ?, c.category,
                       c.tags, c.level, c.language, c.pricing, c.price_minor, c.currency, c.thumbnail_media_id, ?::jsonb,
                       ?::uuid[], ?, ?, ?, ?,
                       setweight(to_tsvector(catalog.search_config(c.language), catalog.fold(c.title)), 'A')
                       || setweight(to_tsvector('simple', catalog.fold(c.title)), 'A')
                       || setweight(to_tsvector(catalog.search_config(c.language),
                                                catalog.fold(c.subtitle || ' ' || array_to_string(c.tags, ' '))), 'B')
                       || setweight(to_tsvector('simple', catalog.fold(c.subtitle || ' ' || array_to_string(c.tags, ' '))),
                                    'B')
                       || setweight(to_tsvector('simple', catalog.fold(?)), 'C')
                       || setweight(to_tsvector(catalog.search_config(c.language), catalog.fold(c.description)), 'D')
                  FROM catalog.courses c WHERE c.id = ?
                ON CONFLICT (course_id) DO UPDATE SET
                       slug = EXCLUDED.slug, status = 'PUBLISHED', version = EXCLUDED.version,
                       owner_id = EXCLUDED.owner_id, title = EXCLUDED.title, subtitle = EXCLUDED.subtitle,
                       description = EXCLUDED.description, description_html = EXCLUDED.description_html,
                       category = EXCLUDED.category, tags = EXCLUDED.tags, level = EXCLUDED.level,
                       language = EXCLUDED.language, pricing = EXCLUDED.pricing, price_minor = EXCLUDED.price_minor,
                       currency = EXCLUDED.currency, thumbnail_media_id = EXCLUDED.thumbnail_media_id,
                       instructors = EXCLUDED.instructors, instructor_ids = EXCLUDED.instructor_ids,
                       lesson_count = EXCLUDED.lesson_count, duration_sec = EXCLUDED.duration_sec,
                       published_at = EXCLUDED.published_at, search = EXCLUDED.search""",
                f.version(), f.descriptionHtml(), f.instructorsJson(), Rows.uuidArray(f.instructorIds()), f.lessonCount(),
                f.durationSec(), Rows.param(f.now()), Rows.param(f.now()), f.searchNames(), courseId);
    }

    void replaceLessons(DbExecute tx, UUID courseId, List<LessonFacts> lessons) {
        tx.delete("DELETE FROM catalog.published_lessons WHERE course_id = ?", courseId);
        for (LessonFacts f : lessons) {
            DraftLesson l = f.lesson();
            tx.insert("""
                    INSERT INTO catalog.published_lessons (lesson_id, course_id, section_id, section_title,
                           section_position, position, title, type, duration_sec, preview, required, content, html,
                           prerequisite_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::uuid[])""",
                    l.id(), courseId, l.sectionId(), f.sectionTitle(), f.sectionPosition(), l.position(), l.title(),
                    l.type().name(), l.durationSec(), l.preview(), l.required(), f.contentJson(), f.html(),
                    Rows.uuidArray(l.prerequisiteIds()));
        }
    }

    /** Lesson ids in the current snapshot (before it is replaced). */
    Set<UUID> publishedLessonIds(DbExecute tx, UUID courseId) {
        try (var rows = tx.query("SELECT lesson_id FROM catalog.published_lessons WHERE course_id = ?", courseId)) {
            return rows.map(r -> Rows.uuid(r, "lesson_id")).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Instructor ids of the current snapshot (before it is replaced), so those removed leave the directory. */
    List<UUID> publishedInstructorIds(DbExecute tx, UUID courseId) {
        return tx.get("SELECT instructor_ids FROM catalog.published_courses WHERE course_id = ?", courseId)
                .map(r -> Rows.uuids(r, "instructor_ids")).orElse(List.of());
    }

    void setStatus(DbExecute tx, UUID courseId, CourseStatus status) {
        tx.update("UPDATE catalog.published_courses SET status = ? WHERE course_id = ?", status.name(), courseId);
    }

    /** Adds the words of {@code text} to the spelling lexicon (sorted, so concurrent publishes lock in one order). */
    void addWords(DbExecute tx, String text) {
        tx.insert("""
                INSERT INTO catalog.search_words (word)
                SELECT DISTINCT w FROM regexp_split_to_table(lower(catalog.fold(?)), '[^[:alnum:]]+') AS w
                 WHERE length(w) BETWEEN 3 AND 40 ORDER BY w
                ON CONFLICT DO NOTHING""", text);
    }

    /**
     * Recomputes an instructor's directory entry from their published courses (removes it when none are left).
     * A null {@code displayName} keeps the name the directory has.
     */
    void refreshInstructor(DbExecute tx, UUID userId, String displayName) {
        long updated = tx.insert("""
                WITH n AS (SELECT coalesce(?::text, (SELECT display_name FROM catalog.instructor_directory
                                                      WHERE user_id = ?), '') AS name)
                INSERT INTO catalog.instructor_directory (user_id, display_name, course_count, topics, rating_avg,
                                                          learners, search)
                SELECT ?, (SELECT name FROM n), count(*),
                       ARRAY(SELECT t FROM (SELECT unnest(p2.tags || cat.name) AS t
                                              FROM catalog.published_courses p2
                                              JOIN catalog.categories cat ON cat.slug = p2.category
                                             WHERE p2.instructor_ids @> ARRAY[?]::uuid[] AND p2.status = 'PUBLISHED') x
                              GROUP BY t ORDER BY count(*) DESC, t LIMIT 8),
                       coalesce(round(sum(p.rating_avg * p.rating_count) / nullif(sum(p.rating_count), 0), 2), 0),
                       coalesce(sum(p.enrollment_count), 0),
                       setweight(to_tsvector('simple', catalog.fold((SELECT name FROM n))), 'A')
                       || setweight(to_tsvector('english', catalog.fold(coalesce(string_agg(p.title || ' ' || p.subtitle
                                                || ' ' || array_to_string(p.tags, ' '), ' '), ''))), 'B')
                  FROM catalog.published_courses p
                 WHERE p.instructor_ids @> ARRAY[?]::uuid[] AND p.status = 'PUBLISHED'
                HAVING count(*) > 0
                ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name,
                       course_count = EXCLUDED.course_count, topics = EXCLUDED.topics, rating_avg = EXCLUDED.rating_avg,
                       learners = EXCLUDED.learners, search = EXCLUDED.search""",
                displayName, userId, userId, userId, userId);
        if (updated == 0) {
            tx.delete("DELETE FROM catalog.instructor_directory WHERE user_id = ?", userId);
        }
    }
}
