package io.lectern.server.catalog.internal.publishing;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.server.catalog.internal.authoring.DraftLesson;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what learners and the search see: a course's published snapshot (replaced as a whole by each publish),
 * the spelling lexicon and the instructor directory. Runs inside the publish transaction.
 */
public final class SnapshotStore {

    /**
     * What a publish computed in Java for one course's snapshot row.
     *
     * @param courseId        course
     * @param version         the new published version
     * @param descriptionHtml sanitised description
     * @param instructorsJson instructors as JSON ({@code [{id, displayName, owner}]})
     * @param searchNames     instructor and category names for the search vector
     * @param lessonCount     lessons
     * @param durationSec     total duration
     */
    public record CourseFacts(UUID courseId, int version, String descriptionHtml, String instructorsJson, String searchNames,
                       int lessonCount, int durationSec) {
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
    public record LessonFacts(DraftLesson lesson, String sectionTitle, int sectionPosition, String contentJson, String html) {
    }

    /** Writes (or replaces) the snapshot rows of any number of courses in one statement. */
    public void writeCourses(DbExecute tx, List<CourseFacts> facts, Instant now) {
        tx.insert("""
                INSERT INTO catalog.published_courses (course_id, slug, status, version, owner_id, title, subtitle,
                       description, description_html, category, tags, level, language, pricing, price_minor, currency,
                       thumbnail_media_id, instructors, instructor_ids, lesson_count, duration_sec, first_published_at,
                       published_at, search, rank_vector)
                SELECT c.id, c.slug, 'PUBLISHED', f.version, c.owner_id, c.title, c.subtitle, c.description, f.html,
                       c.category, c.tags, c.level, c.language, c.pricing, c.price_minor, c.currency, c.thumbnail_media_id,
                       f.instructors::jsonb,
                       ARRAY(SELECT (j ->> 'id')::uuid FROM jsonb_array_elements(f.instructors::jsonb) j),
                       f.lessons, f.duration, ?, ?,
                       v.head || setweight(to_tsvector(catalog.search_config(c.language), catalog.fold(c.description)),
                                           'D'),
                       v.head
                  FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[])
                           AS f(id, version, html, instructors, names, lessons, duration)
                  JOIN catalog.courses c ON c.id = f.id
                  -- title (A), subtitle and tags (B), instructor names (C): ranked on alone, searched with the description
                  CROSS JOIN LATERAL (SELECT catalog.search_head(c.language, c.title, c.subtitle, c.tags, f.names) AS head) v
                ON CONFLICT (course_id) DO UPDATE SET
                       slug = EXCLUDED.slug, status = 'PUBLISHED', version = EXCLUDED.version,
                       owner_id = EXCLUDED.owner_id, title = EXCLUDED.title, subtitle = EXCLUDED.subtitle,
                       description = EXCLUDED.description, description_html = EXCLUDED.description_html,
                       category = EXCLUDED.category, tags = EXCLUDED.tags, level = EXCLUDED.level,
                       language = EXCLUDED.language, pricing = EXCLUDED.pricing, price_minor = EXCLUDED.price_minor,
                       currency = EXCLUDED.currency, thumbnail_media_id = EXCLUDED.thumbnail_media_id,
                       instructors = EXCLUDED.instructors, instructor_ids = EXCLUDED.instructor_ids,
                       lesson_count = EXCLUDED.lesson_count, duration_sec = EXCLUDED.duration_sec,
                       published_at = EXCLUDED.published_at, search = EXCLUDED.search,
                       rank_vector = EXCLUDED.rank_vector""",
                Rows.param(now), Rows.param(now),
                Rows.uuidArray(facts.stream().map(CourseFacts::courseId).toList()),
                facts.stream().mapToInt(CourseFacts::version).toArray(),
                facts.stream().map(CourseFacts::descriptionHtml).toArray(String[]::new),
                facts.stream().map(CourseFacts::instructorsJson).toArray(String[]::new),
                facts.stream().map(CourseFacts::searchNames).toArray(String[]::new),
                facts.stream().mapToInt(CourseFacts::lessonCount).toArray(),
                facts.stream().mapToInt(CourseFacts::durationSec).toArray());
    }

    /** Replaces the snapshot lessons of the given courses in two statements. */
    public void replaceLessons(DbExecute tx, List<UUID> courseIds, List<LessonFacts> lessons) {
        tx.delete("DELETE FROM catalog.published_lessons WHERE course_id = ANY(?::uuid[])", (Object) Rows.uuidArray(courseIds));
        if (lessons.isEmpty()) {
            return;
        }
        tx.insert("""
                INSERT INTO catalog.published_lessons (lesson_id, course_id, section_id, section_title, section_position,
                       position, title, type, duration_sec, preview, required, content, html, prerequisite_ids)
                SELECT f.id, f.course, f.section, f.section_title, f.section_position, f.position, f.title, f.type,
                       f.duration, f.preview, f.required, f.content::jsonb, f.html,
                       ARRAY(SELECT p::uuid FROM jsonb_array_elements_text(f.prerequisites::jsonb) p)
                  FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[],
                              ?::int[], ?::boolean[], ?::boolean[], ?::text[], ?::text[], ?::text[])
                           AS f(id, course, section, section_title, section_position, position, title, type, duration,
                                preview, required, content, html, prerequisites)""",
                Rows.uuidArray(lessons.stream().map(f -> f.lesson().id()).toList()),
                Rows.uuidArray(lessons.stream().map(f -> f.lesson().courseId()).toList()),
                Rows.uuidArray(lessons.stream().map(f -> f.lesson().sectionId()).toList()),
                lessons.stream().map(LessonFacts::sectionTitle).toArray(String[]::new),
                lessons.stream().mapToInt(LessonFacts::sectionPosition).toArray(),
                lessons.stream().mapToInt(f -> f.lesson().position()).toArray(),
                lessons.stream().map(f -> f.lesson().title()).toArray(String[]::new),
                lessons.stream().map(f -> f.lesson().type().name()).toArray(String[]::new),
                lessons.stream().mapToInt(f -> f.lesson().durationSec()).toArray(),
                booleans(lessons.stream().map(f -> f.lesson().preview()).toList()),
                booleans(lessons.stream().map(f -> f.lesson().required()).toList()),
                lessons.stream().map(LessonFacts::contentJson).toArray(String[]::new),
                lessons.stream().map(LessonFacts::html).toArray(String[]::new),
                lessons.stream().map(f -> jsonArray(f.lesson().prerequisiteIds())).toArray(String[]::new));
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static String jsonArray(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** Lesson ids in the current snapshot (before it is replaced). */
    public Set<UUID> publishedLessonIds(DbExecute tx, UUID courseId) {
        try (var rows = tx.query("SELECT lesson_id FROM catalog.published_lessons WHERE course_id = ?", courseId)) {
            return rows.map(r -> Rows.uuid(r, "lesson_id")).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Instructor ids of the current snapshot (before it is replaced), so those removed leave the directory. */
    public List<UUID> publishedInstructorIds(DbExecute tx, UUID courseId) {
        return tx.get("SELECT instructor_ids FROM catalog.published_courses WHERE course_id = ?", courseId)
                .map(r -> Rows.uuids(r, "instructor_ids")).orElse(List.of());
    }

    public void setStatus(DbExecute tx, UUID courseId, CourseStatus status) {
        tx.update("UPDATE catalog.published_courses SET status = ? WHERE course_id = ?", status.name(), courseId);
    }

    /**
     * Replaces a deleted instructor's name by {@code shownAs} in every course snapshot that lists them, and what the
     * search finds those courses by.
     */
    public void renameInstructor(DbExecute tx, UUID instructorId, String shownAs) {
        tx.update("""
                WITH renamed AS (
                    SELECT p.course_id, jsonb_agg(CASE WHEN (j ->> 'id')::uuid = ? THEN jsonb_set(j, '{displayName}',
                                to_jsonb(?::text)) ELSE j END ORDER BY n) AS instructors
                      FROM catalog.published_courses p, jsonb_array_elements(p.instructors) WITH ORDINALITY AS e(j, n)
                     WHERE ? = ANY (p.instructor_ids) GROUP BY p.course_id),
                heads AS (
                    SELECT r.course_id, r.instructors, catalog.search_head(p.language, p.title, p.subtitle, p.tags,
                               (SELECT string_agg(j ->> 'displayName', ' ') FROM jsonb_array_elements(r.instructors) j)
                               || ' ' || coalesce((SELECT c.name FROM catalog.categories c WHERE c.slug = p.category),
                                                  p.category)) AS head
                      FROM renamed r JOIN catalog.published_courses p ON p.course_id = r.course_id)
                UPDATE catalog.published_courses p SET instructors = h.instructors, rank_vector = h.head,
                       search = h.head || setweight(to_tsvector(catalog.search_config(p.language),
                                                                catalog.fold(p.description)), 'D')
                  FROM heads h WHERE p.course_id = h.course_id""", instructorId, shownAs, instructorId);
    }

    /** Takes the words of {@code text} out of the spelling lexicon, unless a published course still has them. */
    public void forgetWords(DbExecute tx, String text) {
        tx.delete("""
                DELETE FROM catalog.search_words s
                 WHERE s.word IN (SELECT w FROM regexp_split_to_table(lower(catalog.fold(?)), '[^[:alnum:]]+') AS w)
                   AND NOT EXISTS (SELECT 1 FROM catalog.published_courses p
                                    WHERE p.search @@ to_tsquery('simple', quote_literal(s.word)))""", text);
    }

    /** Adds the words of {@code text} to the spelling lexicon (sorted, so concurrent publishes lock in one order). */
    public void addWords(DbExecute tx, String text) {
        tx.insert("""
                INSERT INTO catalog.search_words (word)
                SELECT DISTINCT w FROM regexp_split_to_table(lower(catalog.fold(?)), '[^[:alnum:]]+') AS w
                 WHERE length(w) BETWEEN 3 AND 40 ORDER BY w
                ON CONFLICT DO NOTHING""", text);
    }

    /** Recomputes the whole directory (after a bulk import). */
    public void rebuildDirectory(DbExecute tx) {
        Map<UUID, String> all = new java.util.LinkedHashMap<>();
        try (var rows = tx.query("""
                SELECT DISTINCT unnest(instructor_ids) AS id FROM catalog.published_courses WHERE status = 'PUBLISHED'
                UNION SELECT user_id FROM catalog.instructor_directory""")) {
            rows.forEach(r -> all.put(Rows.uuid(r, "id"), null));
        }
        refreshInstructors(tx, all);
    }

    /**
     * Recomputes the directory entries of the given instructors (id to display name; a null name keeps the name
     * the directory has) from their published courses in one statement; instructors left without a published
     * course leave the directory.
     */
    public void refreshInstructors(DbExecute tx, Map<UUID, String> instructors) {
        if (instructors.isEmpty()) {
            return;
        }
        List<UUID> ids = List.copyOf(instructors.keySet());
        tx.insert("""
                WITH ids AS (SELECT * FROM unnest(?::uuid[], ?::text[]) AS t(id, name)),
                per AS (SELECT i.id, p.title, p.subtitle, p.tags, p.category, p.rating_avg, p.rating_count,
                               p.enrollment_count, p.instructors
                          FROM catalog.published_courses p CROSS JOIN LATERAL unnest(p.instructor_ids) AS i(id)
                         WHERE p.status = 'PUBLISHED' AND p.instructor_ids && (SELECT array_agg(id) FROM ids)
                           AND i.id IN (SELECT id FROM ids)),
                agg AS (SELECT id, count(*) AS courses,
                               round(sum(rating_avg * rating_count) / nullif(sum(rating_count), 0), 2) AS rating,
                               sum(enrollment_count) AS learners,
                               string_agg(title || ' ' || subtitle || ' ' || array_to_string(tags, ' '), ' ') AS words
                          FROM per GROUP BY id),
                topic_counts AS (SELECT per.id, t, count(*) AS n
                                   FROM per JOIN catalog.categories cat ON cat.slug = per.category,
                                        unnest(per.tags || cat.name) AS t
                                  GROUP BY per.id, t),
                topics AS (SELECT id, (array_agg(t ORDER BY n DESC, t))[1:8] AS topics FROM topic_counts GROUP BY id),
                names AS (SELECT DISTINCT ON (per.id) per.id, j ->> 'displayName' AS name
                            FROM per, jsonb_array_elements(per.instructors) j WHERE (j ->> 'id')::uuid = per.id),
                gone AS (DELETE FROM catalog.instructor_directory
                          WHERE user_id IN (SELECT id FROM ids) AND user_id NOT IN (SELECT id FROM agg))
                INSERT INTO catalog.instructor_directory (user_id, display_name, course_count, topics, rating_avg,
                                                          learners, search)
                SELECT a.id, coalesce(ids.name, d.display_name, n.name, ''), a.courses, coalesce(tp.topics, '{}'),
                       coalesce(a.rating, 0), coalesce(a.learners, 0),
                       setweight(to_tsvector('simple', catalog.fold(coalesce(ids.name, d.display_name, n.name, ''))), 'A')
                       || setweight(to_tsvector('english', catalog.fold(coalesce(a.words, ''))), 'B')
                  FROM agg a JOIN ids ON ids.id = a.id
                  LEFT JOIN catalog.instructor_directory d ON d.user_id = a.id
                  LEFT JOIN topics tp ON tp.id = a.id
                  LEFT JOIN names n ON n.id = a.id
                ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name,
                       course_count = EXCLUDED.course_count, topics = EXCLUDED.topics, rating_avg = EXCLUDED.rating_avg,
                       learners = EXCLUDED.learners, search = EXCLUDED.search""",
                Rows.uuidArray(ids), ids.stream().map(instructors::get).toArray(String[]::new));
    }

    /** Takes a person out of the instructor directory (account deletion). */
    public void dropFromDirectory(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM catalog.instructor_directory WHERE user_id = ?", userId);
    }
}
