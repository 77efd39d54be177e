package io.lectern.server.learning.internal.notes;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.learning.Note;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.platform.db.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Notes and bookmarks: each note merges by its client time (the last writer wins; a delete is a tombstone that
 * an older edit cannot undo), set-based for a whole sync batch.
 */
public final class NoteStore {

    static final int MAX_BODY = 10_000;
    private static final String SELECT = "SELECT id, lesson_id, course_id, kind, position_sec, body, deleted, client_time, "
            + "change FROM learning.notes";

    /**
     * Notes changed since a cursor.
     *
     * @param notes     the notes
     * @param maxChange the highest change number among them
     */
    public record Changes(List<Note> notes, long maxChange) {
    }

    /**
     * Merges note events (upserts and deletes); returns the events refused (another learner's note, unknown lesson,
     * too long). A delete keeps the note's kind and position in its tombstone.
     */
    public List<SyncResult.Rejected> merge(DbExecute tx, UUID userId, List<SyncEvent.NoteEvent> events,
                                           Function<UUID, LessonFacts> lessons) {
        List<SyncResult.Rejected> rejected = new ArrayList<>();
        Map<UUID, SyncEvent.NoteEvent> latest = new LinkedHashMap<>();
        for (SyncEvent.NoteEvent e : events) {
            SyncEvent.NoteEvent prev = latest.get(e.noteId());
            if (prev == null || !e.clientTime().isBefore(prev.clientTime())) {
                latest.put(e.noteId(), e);
            }
        }
        if (latest.isEmpty()) {
            return rejected;
        }
        Map<UUID, UUID> owners = owners(tx, latest.keySet());
        List<Object[]> rows = new ArrayList<>();
        for (SyncEvent.NoteEvent e : latest.values()) {
            UUID owner = owners.get(e.noteId());
            boolean delete = e instanceof SyncEvent.NoteDelete;
            LessonFacts lesson = e.lessonId() == null ? null : lessons.apply(e.lessonId());
            if (owner != null && !owner.equals(userId)) {
                rejected.add(new SyncResult.Rejected(e.id(), "note.not_yours", "This note id belongs to someone else."));
            } else if (owner == null && lesson == null) {
                if (!delete) { // a delete of a note never synced, without its lesson: nothing to remember
                    rejected.add(new SyncResult.Rejected(e.id(), "sync.unknown_lesson", "The note's lesson is no "
                            + "longer in the course."));
                }
            } else if (e instanceof SyncEvent.NoteUpsert u && u.body() != null && u.body().length() > MAX_BODY) {
                rejected.add(new SyncResult.Rejected(e.id(), "note.too_long", "Notes hold at most " + MAX_BODY
                        + " characters; split it."));
            } else {
                rows.add(row(e, lesson));
            }
        }
        upsert(tx, userId, rows);
        return rejected;
    }

    /** The row {@link #upsert} takes; a delete's kind and position are the note's own (see there). */
    private static Object[] row(SyncEvent.NoteEvent e, LessonFacts lesson) {
        String lessonId = lesson == null ? null : lesson.lessonId().toString();
        String courseId = lesson == null ? null : lesson.courseId().toString();
        return switch (e) {
            case SyncEvent.NoteUpsert u -> new Object[] {u.noteId().toString(), lessonId, courseId,
                    "BOOKMARK".equals(u.kind()) ? "BOOKMARK" : "NOTE", u.positionSec(), u.body() == null ? "" : u.body(),
                    false, u.clientTime().toString()};
            // "NOTE" and no position only for the tombstone of a note the server never had
            case SyncEvent.NoteDelete d -> new Object[] {d.noteId().toString(), lessonId, courseId, "NOTE", null, "",
                    true, d.clientTime().toString()};
        };
    }

    private static Map<UUID, UUID> owners(DbExecute tx, Set<UUID> ids) {
        try (var rows = tx.query("SELECT id, user_id FROM learning.notes WHERE id = ANY(?::uuid[])",
                (Object) ids.stream().map(UUID::toString).toArray(String[]::new))) {
            return rows.collect(Collectors.toMap(r -> Rows.uuid(r, "id"), r -> Rows.uuid(r, "user_id")));
        }
    }

    /**
     * Inserts new notes and changes existing ones only where this change is newer by client time. A tombstone keeps
     * the kind and position of the note it deletes.
     */
    void upsert(DbExecute tx, UUID userId, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.update("""
                INSERT INTO learning.notes AS n (id, user_id, lesson_id, course_id, kind, position_sec, body, deleted,
                                                 client_time)
                SELECT t.id, ?, coalesce(t.lesson_id, o.lesson_id), coalesce(t.course_id, o.course_id),
                       CASE WHEN t.deleted THEN coalesce(o.kind, t.kind) ELSE t.kind END,
                       CASE WHEN t.deleted THEN o.position_sec ELSE t.position_sec END, t.body, t.deleted, t.client_time
                  FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::float8[], ?::text[], ?::boolean[],
                              ?::timestamptz[]) AS t(id, lesson_id, course_id, kind, position_sec, body, deleted,
                                                     client_time)
                  LEFT JOIN learning.notes o ON o.id = t.id
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, position_sec = excluded.position_sec,
                       body = excluded.body, deleted = excluded.deleted, client_time = excluded.client_time,
                       change = nextval('learning.changes')
                 WHERE n.user_id = excluded.user_id AND excluded.client_time > n.client_time""", userId,
                column(rows, 0, String[]::new), column(rows, 1, String[]::new), column(rows, 2, String[]::new),
                column(rows, 3, String[]::new), column(rows, 4, Double[]::new), column(rows, 5, String[]::new),
                column(rows, 6, Boolean[]::new), column(rows, 7, String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] column(List<Object[]> rows, int i, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            out[r] = (T) rows.get(r)[i];
        }
        return out;
    }

    public Changes since(DbExecute db, UUID userId, long change) {
        try (var rows = db.query(SELECT + " WHERE user_id = ? AND change > ? ORDER BY change", userId, change)) {
            List<DbRow> list = rows.toList();
            return new Changes(list.stream().map(NoteStore::note).toList(),
                    list.stream().mapToLong(r -> Rows.number(r, "change")).max().orElse(change));
        }
    }

    public List<Note> ofLesson(DbExecute db, UUID userId, UUID lessonId) {
        try (var rows = db.query(SELECT + " WHERE user_id = ? AND lesson_id = ? AND NOT deleted "
                + "ORDER BY position_sec NULLS FIRST, client_time", userId, lessonId)) {
            return rows.map(NoteStore::note).toList();
        }
    }

    /** The learner's notes across courses matching words (full text, prefix matching on the last word). */
    public List<Note> search(DbExecute db, UUID userId, String query, int limit) {
        String words = query.replaceAll("[^\\p{L}\\p{N}\\s]", " ").strip();
        if (words.isEmpty()) {
            return List.of();
        }
        String tsquery = String.join(" & ", words.split("\\s+")) + ":*";
        try (var rows = db.query(SELECT + " WHERE user_id = ? AND NOT deleted AND search @@ to_tsquery('simple', ?) "
                + "ORDER BY client_time DESC LIMIT ?", userId, tsquery, limit)) {
            return rows.map(NoteStore::note).toList();
        }
    }

    public java.util.Optional<Note> find(DbExecute db, UUID userId, UUID id) {
        return db.get(SELECT + " WHERE id = ? AND user_id = ?", id, userId).map(NoteStore::note);
    }

    static Note note(DbRow r) {
        Object position = Rows.value(r, "position_sec");
        return new Note(Rows.uuid(r, "id"), Rows.uuid(r, "lesson_id"), Rows.uuid(r, "course_id"), Rows.text(r, "kind"),
                position == null ? null : ((Number) position).doubleValue(), Rows.text(r, "body"),
                Rows.flag(r, "deleted"), Rows.instant(r, "client_time"));
    }

    /** A learner's notes and bookmarks (tombstones too), for their data export. */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT id, lesson_id, kind, body, position_sec, deleted, client_time FROM "
                + "learning.notes WHERE user_id = ? ORDER BY client_time", userId);
    }

    /** Deletes a learner's notes and bookmarks (account deletion). */
    public void eraseFor(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.notes WHERE user_id = ?", userId);
    }
}
