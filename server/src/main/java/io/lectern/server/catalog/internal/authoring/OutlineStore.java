package io.lectern.server.catalog.internal.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import io.lectern.server.platform.db.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over a course's working outline: sections, lessons and their prerequisites. */
public final class OutlineStore {

    private static final String LESSON_COLUMNS = """
            SELECT l.id, l.course_id, l.section_id, l.title, l.type, l.position, l.duration_sec, l.preview,
                   l.required, l.content::text AS content,
                   ARRAY(SELECT p.required_id FROM catalog.lesson_prerequisites p WHERE p.lesson_id = l.id
                          ORDER BY p.required_id) AS prerequisites
              FROM catalog.lessons l
            """;

    private final ObjectMapper mapper;

    public OutlineStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The whole outline in order; lessons carry their prerequisites. */
    public List<DraftSection> outline(DbExecute db, UUID courseId) {
        Map<UUID, List<DraftLesson>> bySection = new HashMap<>();
        try (var rows = db.query(LESSON_COLUMNS + " WHERE l.course_id = ? ORDER BY l.position", courseId)) {
            rows.map(this::lesson).forEach(l -> bySection.computeIfAbsent(l.sectionId(), k -> new ArrayList<>()).add(l));
        }
        try (var rows = db.query("SELECT id, title, position FROM catalog.sections WHERE course_id = ? ORDER BY position",
                courseId)) {
            return rows.map(r -> new DraftSection(Rows.uuid(r, "id"), Rows.text(r, "title"), (int) Rows.number(r, "position"),
                    bySection.getOrDefault(Rows.uuid(r, "id"), List.of()))).toList();
        }
    }

    public Optional<UUID> courseOfSection(DbExecute db, UUID sectionId) {
        return db.get("SELECT course_id FROM catalog.sections WHERE id = ?", sectionId).map(r -> Rows.uuid(r, "course_id"));
    }

    public Optional<DraftLesson> lesson(DbExecute db, UUID lessonId) {
        return db.get(LESSON_COLUMNS + " WHERE l.id = ?", lessonId).map(this::lesson);
    }

    public UUID addSection(DbExecute tx, UUID id, UUID courseId, String title) {
        tx.insert("""
                INSERT INTO catalog.sections (id, course_id, title, position)
                VALUES (?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM catalog.sections WHERE course_id = ?))""",
                id, courseId, title, courseId);
        return id;
    }

    public void renameSection(DbExecute tx, UUID sectionId, String title) {
        tx.update("UPDATE catalog.sections SET title = ? WHERE id = ?", title, sectionId);
    }

    public void deleteSection(DbExecute tx, UUID sectionId) {
        tx.delete("DELETE FROM catalog.sections WHERE id = ?", sectionId);
    }

    public void insertLesson(DbExecute tx, DraftLesson l) {
        tx.insert("""
                INSERT INTO catalog.lessons (id, section_id, course_id, title, type, position, duration_sec, preview,
                                             required, content)
                VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position) + 1, 0) FROM catalog.lessons WHERE section_id = ?),
                        ?, ?, ?, ?::jsonb)""",
                l.id(), l.sectionId(), l.courseId(), l.title(), l.type().name(), l.sectionId(), l.durationSec(),
                l.preview(), l.required(), json(l.content()));
        setPrerequisites(tx, l.id(), l.prerequisiteIds());
    }

    /** Inserts a lesson at a given place (duplication keeps the order). */
    public void copyLesson(DbExecute tx, DraftLesson l) {
        tx.insert("""
                INSERT INTO catalog.lessons (id, section_id, course_id, title, type, position, duration_sec, preview,
                                             required, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                l.id(), l.sectionId(), l.courseId(), l.title(), l.type().name(), l.position(), l.durationSec(),
                l.preview(), l.required(), json(l.content()));
    }

    public void updateLesson(DbExecute tx, DraftLesson l) {
        tx.update("""
                UPDATE catalog.lessons SET title = ?, type = ?, duration_sec = ?, preview = ?, required = ?,
                       content = ?::jsonb
                 WHERE id = ?""", l.title(), l.type().name(), l.durationSec(), l.preview(), l.required(),
                json(l.content()), l.id());
        setPrerequisites(tx, l.id(), l.prerequisiteIds());
    }

    public void deleteLesson(DbExecute tx, UUID lessonId) {
        tx.delete("DELETE FROM catalog.lessons WHERE id = ?", lessonId);
    }

    public void setPrerequisites(DbExecute tx, UUID lessonId, List<UUID> required) {
        tx.delete("DELETE FROM catalog.lesson_prerequisites WHERE lesson_id = ?", lessonId);
        for (UUID r : required) {
            tx.insert("INSERT INTO catalog.lesson_prerequisites (lesson_id, required_id) VALUES (?, ?)", lessonId, r);
        }
    }

    public void placeSection(DbExecute tx, UUID sectionId, int position) {
        tx.update("UPDATE catalog.sections SET position = ? WHERE id = ?", position, sectionId);
    }

    public void placeLesson(DbExecute tx, UUID lessonId, UUID sectionId, int position) {
        tx.update("UPDATE catalog.lessons SET section_id = ?, position = ? WHERE id = ?", sectionId, position, lessonId);
    }

    /** Every lesson's prerequisites in a course, for cycle checks. */
    public Map<UUID, List<UUID>> prerequisiteEdges(DbExecute db, UUID courseId) {
        Map<UUID, List<UUID>> edges = new LinkedHashMap<>();
        try (var rows = db.query("""
                SELECT p.lesson_id, p.required_id FROM catalog.lesson_prerequisites p
                  JOIN catalog.lessons l ON l.id = p.lesson_id WHERE l.course_id = ?""", courseId)) {
            rows.forEach(r -> edges.computeIfAbsent(Rows.uuid(r, "lesson_id"), k -> new ArrayList<>())
                    .add(Rows.uuid(r, "required_id")));
        }
        return edges;
    }

    private DraftLesson lesson(DbRow r) {
        return new DraftLesson(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), Rows.uuid(r, "section_id"),
                Rows.text(r, "title"), LessonType.valueOf(Rows.text(r, "type")), (int) Rows.number(r, "position"),
                (int) Rows.number(r, "duration_sec"), Rows.flag(r, "preview"), Rows.flag(r, "required"),
                content(Rows.text(r, "content")), Rows.uuids(r, "prerequisites"));
    }

    public LessonContent content(String json) {
        try {
            return json == null ? LessonContent.EMPTY : mapper.readValue(json, LessonContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lesson content is not valid JSON", e);
        }
    }

    public String json(LessonContent content) {
        try {
            return mapper.writeValueAsString(content == null ? LessonContent.EMPTY : content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts sections (of the courses at the same index) with their lessons, each kind in one statement. */
    public void insertAll(DbExecute tx, List<DraftSection> sections, List<UUID> sectionCourse) {
        List<DraftLesson> lessons = sections.stream().flatMap(s -> s.lessons().stream()).toList();
        tx.insert("""
                INSERT INTO catalog.sections (id, course_id, title, position)
                SELECT i, c, t, p FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[]) AS x(i, c, t, p)""",
                Rows.uuidArray(sections.stream().map(DraftSection::id).toList()), Rows.uuidArray(sectionCourse),
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
                Rows.uuidArray(lessons.stream().map(DraftLesson::id).toList()),
                Rows.uuidArray(lessons.stream().map(DraftLesson::sectionId).toList()),
                Rows.uuidArray(lessons.stream().map(DraftLesson::courseId).toList()),
                lessons.stream().map(DraftLesson::title).toArray(String[]::new),
                lessons.stream().map(l -> l.type().name()).toArray(String[]::new),
                lessons.stream().mapToInt(DraftLesson::position).toArray(),
                lessons.stream().mapToInt(DraftLesson::durationSec).toArray(), preview,
                lessons.stream().map(l -> json(l.content())).toArray(String[]::new));
    }
}
