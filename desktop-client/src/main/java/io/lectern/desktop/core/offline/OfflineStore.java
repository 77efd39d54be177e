package io.lectern.desktop.core.offline;

import io.lectern.desktop.core.store.SqliteFile;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The learner's local database (SQLite in the user's data dir): the queue of actions taken offline, events the
 * server refused (kept with the reason until the learner has seen them), the server state last synced (progress,
 * notes) and the sync cursor. Nothing is deleted until the server has answered for it.
 */
public final class OfflineStore implements AutoCloseable {

    /**
     * An event the server refused.
     *
     * @param event  what was done offline
     * @param code   the server's code
     * @param reason the server's reason
     * @param at     when the refusal arrived
     */
    public record Refusal(SyncEvent event, String code, String reason, Instant at) {
    }

    private final SqliteFile db;

    private OfflineStore(SqliteFile db) {
        this.db = db;
    }

    public static OfflineStore open(Path file) {
        return new OfflineStore(SqliteFile.open(file, "offline store",
                "CREATE TABLE IF NOT EXISTS queue (event_id TEXT PRIMARY KEY, event TEXT NOT NULL, queued_at TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS refused (event_id TEXT PRIMARY KEY, event TEXT NOT NULL, code TEXT NOT NULL, "
                        + "reason TEXT NOT NULL, at TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS progress (lesson_id TEXT PRIMARY KEY, course_id TEXT NOT NULL, "
                        + "state TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS notes (note_id TEXT PRIMARY KEY, note TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
    }

    /** Queues an action for the next sync (a repeat of the same event id is ignored). */
    public synchronized void enqueue(SyncEvent event) {
        db.update("INSERT OR IGNORE INTO queue (event_id, event, queued_at) VALUES (?, ?, ?)", event.id(), db.write(event),
                Instant.now().toString());
    }

    /** The oldest queued events, at most {@code limit}. */
    public synchronized List<SyncEvent> queued(int limit) {
        List<SyncEvent> out = new ArrayList<>();
        db.query("SELECT event FROM queue ORDER BY queued_at, rowid LIMIT ?", rs -> out.add(db.read(rs.getString(1),
                SyncEvent.class)), limit);
        return out;
    }

    public synchronized int queuedCount() {
        int[] n = {0};
        db.query("SELECT count(*) FROM queue", rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    /** The server answered for these events: applied and duplicates leave the queue; refusals move aside. */
    public synchronized void answered(Collection<String> done, List<SyncResult.Rejected> refused,
                                      List<SyncEvent> sent) {
        db.inTransaction(() -> {
            for (String id : done) {
                db.update("DELETE FROM queue WHERE event_id = ?", id);
            }
            for (SyncResult.Rejected r : refused) {
                sent.stream().filter(e -> e.id().equals(r.id())).findFirst().ifPresent(e -> db.update(
                        "INSERT OR REPLACE INTO refused (event_id, event, code, reason, at) VALUES (?, ?, ?, ?, ?)",
                        e.id(), db.write(e), r.code(), r.reason(), Instant.now().toString()));
                db.update("DELETE FROM queue WHERE event_id = ?", r.id());
            }
        });
    }

    public synchronized List<Refusal> refusals() {
        List<Refusal> out = new ArrayList<>();
        db.query("SELECT event, code, reason, at FROM refused ORDER BY at", rs -> out.add(new Refusal(db.read(rs.getString(1),
                SyncEvent.class), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)))));
        return out;
    }

    /** The learner has read a refusal (and maybe acted on it). */
    public synchronized void dismiss(String eventId) {
        db.update("DELETE FROM refused WHERE event_id = ?", eventId);
    }

    /** Stores the server state a sync returned and its cursor. */
    public synchronized void applyServerState(SyncResult result) {
        db.inTransaction(() -> {
            for (SyncResult.SyncedProgress p : result.progress()) {
                db.update("INSERT OR REPLACE INTO progress (lesson_id, course_id, state) VALUES (?, ?, ?)",
                        p.progress().lessonId().toString(), p.courseId().toString(), db.write(p.progress()));
            }
            for (var n : result.notes()) {
                db.update("INSERT OR REPLACE INTO notes (note_id, note) VALUES (?, ?)", n.id().toString(), db.write(n));
            }
            db.update("INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)", result.cursor());
            db.update("INSERT OR REPLACE INTO meta (key, value) VALUES ('synced_at', ?)", Instant.now().toString());
        });
    }

    public synchronized Optional<String> meta(String key) {
        String[] v = {null};
        db.query("SELECT value FROM meta WHERE key = ?", rs -> v[0] = rs.getString(1), key);
        return Optional.ofNullable(v[0]);
    }

    /** The progress the server last reported for a lesson. */
    public synchronized Optional<io.lectern.model.learning.LessonProgress> progress(String lessonId) {
        List<io.lectern.model.learning.LessonProgress> out = new ArrayList<>();
        db.query("SELECT state FROM progress WHERE lesson_id = ?",
                rs -> out.add(db.read(rs.getString(1), io.lectern.model.learning.LessonProgress.class)), lessonId);
        return out.stream().findFirst();
    }

    /** Keeps a note made on this computer at once (the server's copy replaces it after the next sync). */
    public synchronized void putNote(io.lectern.model.learning.Note note) {
        db.update("INSERT OR REPLACE INTO notes (note_id, note) VALUES (?, ?)", note.id().toString(), db.write(note));
    }

    /** A lesson's notes and bookmarks as last known here (deleted ones included, flagged). */
    public synchronized List<io.lectern.model.learning.Note> notes(String lessonId) {
        List<io.lectern.model.learning.Note> out = new ArrayList<>();
        db.query("SELECT note FROM notes WHERE json_extract(note, '$.lessonId') = ?",
                rs -> out.add(db.read(rs.getString(1), io.lectern.model.learning.Note.class)), lessonId);
        return out;
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
