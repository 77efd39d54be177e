package io.lectern.desktop.core.offline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final Connection db;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private OfflineStore(Connection db) {
        this.db = db;
    }

    public static OfflineStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE IF NOT EXISTS queue (event_id TEXT PRIMARY KEY, event TEXT NOT NULL, "
                        + "queued_at TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS refused (event_id TEXT PRIMARY KEY, event TEXT NOT NULL, "
                        + "code TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS progress (lesson_id TEXT PRIMARY KEY, course_id TEXT NOT NULL, "
                        + "state TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS notes (note_id TEXT PRIMARY KEY, note TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
            try {
                java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
                        .fromString("rw-------")); // the learner's notes and progress are theirs alone
            } catch (IOException | UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return new OfflineStore(c);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The offline store " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Queues an action for the next sync (a repeat of the same event id is ignored). */
    public synchronized void enqueue(SyncEvent event) {
        update("INSERT OR IGNORE INTO queue (event_id, event, queued_at) VALUES (?, ?, ?)", event.id(), write(event),
                Instant.now().toString());
    }

    /** The oldest queued events, at most {@code limit}. */
    public synchronized List<SyncEvent> queued(int limit) {
        List<SyncEvent> out = new ArrayList<>();
        query("SELECT event FROM queue ORDER BY queued_at, rowid LIMIT ?", rs -> out.add(read(rs.getString(1),
                SyncEvent.class)), Integer.toString(limit));
        return out;
    }

    public synchronized int queuedCount() {
        int[] n = {0};
        query("SELECT count(*) FROM queue", rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    /** The server answered for these events: applied and duplicates leave the queue; refusals move aside. */
    public synchronized void answered(Collection<String> done, List<SyncResult.Rejected> refused,
                                      List<SyncEvent> sent) {
        inTransaction(() -> {
            for (String id : done) {
                update("DELETE FROM queue WHERE event_id = ?", id);
            }
            for (SyncResult.Rejected r : refused) {
                sent.stream().filter(e -> e.id().equals(r.id())).findFirst().ifPresent(e -> update(
                        "INSERT OR REPLACE INTO refused (event_id, event, code, reason, at) VALUES (?, ?, ?, ?, ?)",
                        e.id(), write(e), r.code(), r.reason(), Instant.now().toString()));
                update("DELETE FROM queue WHERE event_id = ?", r.id());
            }
        });
    }

    public synchronized List<Refusal> refusals() {
        List<Refusal> out = new ArrayList<>();
        query("SELECT event, code, reason, at FROM refused ORDER BY at", rs -> out.add(new Refusal(read(rs.getString(1),
                SyncEvent.class), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)))));
        return out;
    }

    /** The learner has read a refusal (and maybe acted on it). */
    public synchronized void dismiss(String eventId) {
        update("DELETE FROM refused WHERE event_id = ?", eventId);
    }

    /** Stores the server state a sync returned and its cursor. */
    public synchronized void applyServerState(SyncResult result) {
        inTransaction(() -> {
            for (SyncResult.SyncedProgress p : result.progress()) {
                update("INSERT OR REPLACE INTO progress (lesson_id, course_id, state) VALUES (?, ?, ?)",
                        p.progress().lessonId().toString(), p.courseId().toString(), write(p.progress()));
            }
            for (var n : result.notes()) {
                update("INSERT OR REPLACE INTO notes (note_id, note) VALUES (?, ?)", n.id().toString(), write(n));
            }
            update("INSERT OR REPLACE INTO meta (key, value) VALUES ('cursor', ?)", result.cursor());
            update("INSERT OR REPLACE INTO meta (key, value) VALUES ('synced_at', ?)", Instant.now().toString());
        });
    }

    public synchronized Optional<String> meta(String key) {
        String[] v = {null};
        query("SELECT value FROM meta WHERE key = ?", rs -> v[0] = rs.getString(1), key);
        return Optional.ofNullable(v[0]);
    }

    /** The progress the server last reported for a lesson. */
    public synchronized Optional<io.lectern.model.learning.LessonProgress> progress(String lessonId) {
        List<io.lectern.model.learning.LessonProgress> out = new ArrayList<>();
        query("SELECT state FROM progress WHERE lesson_id = ?",
                rs -> out.add(read(rs.getString(1), io.lectern.model.learning.LessonProgress.class)), lessonId);
        return out.stream().findFirst();
    }

    /** Keeps a note made on this computer at once (the server's copy replaces it after the next sync). */
    public synchronized void putNote(io.lectern.model.learning.Note note) {
        update("INSERT OR REPLACE INTO notes (note_id, note) VALUES (?, ?)", note.id().toString(), write(note));
    }

    /** A lesson's notes and bookmarks as last known here (deleted ones included, flagged). */
    public synchronized List<io.lectern.model.learning.Note> notes(String lessonId) {
        List<io.lectern.model.learning.Note> out = new ArrayList<>();
        query("SELECT note FROM notes WHERE json_extract(note, '$.lessonId') = ?",
                rs -> out.add(read(rs.getString(1), io.lectern.model.learning.Note.class)), lessonId);
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    private interface Row {
        void take(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, String... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.take(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, String... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void inTransaction(Runnable work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
