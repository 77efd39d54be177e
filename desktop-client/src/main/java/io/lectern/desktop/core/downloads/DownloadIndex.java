package io.lectern.desktop.core.downloads;

import io.lectern.desktop.core.store.SqliteFile;
import io.lectern.model.catalog.LessonView;
import io.lectern.model.learning.AttemptView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What was downloaded (SQLite beside the offline store): per lesson its course, the lesson as the server showed it
 * (so it opens offline), the sealed file, bytes received of the total, and the state.
 */
public final class DownloadIndex implements AutoCloseable {

    /** Where a download stands. */
    public enum State { QUEUED, DOWNLOADING, PAUSED, DONE, FAILED }

    /**
     * One downloaded (or downloading) lesson.
     *
     * @param lesson      the lesson as the server showed it
     * @param courseTitle its course's title
     * @param position    its place in the course
     * @param file        the sealed file's name in the download folder (null when the lesson has no file)
     * @param total       bytes to download
     * @param received    bytes received
     * @param state       state
     * @param error       why it failed, and what to do
     * @param quiz        an untimed quiz's questions to take offline (quiz lessons)
     */
    public record Item(LessonView lesson, String courseTitle, int position, String file, long total, long received,
                       State state, String error, AttemptView quiz) {

        public UUID lessonId() {
            return lesson.id();
        }

        public double fraction() {
            return state == State.DONE ? 1 : total <= 0 ? 0 : Math.min(1, (double) received / total);
        }
    }

    private final SqliteFile db;

    private DownloadIndex(SqliteFile db) {
        this.db = db;
    }

    public static DownloadIndex open(Path file) {
        return new DownloadIndex(SqliteFile.open(file, "download index", "CREATE TABLE IF NOT EXISTS downloads ("
                + "lesson_id TEXT PRIMARY KEY, course_id TEXT NOT NULL, course_title TEXT NOT NULL, "
                + "position INTEGER NOT NULL, lesson TEXT NOT NULL, file TEXT, total INTEGER NOT NULL, "
                + "received INTEGER NOT NULL, state TEXT NOT NULL, error TEXT, added_at TEXT NOT NULL, quiz TEXT)"));
    }

    /**
     * Adds a lesson (queued when it has a file, else done at once), or queues it again if it failed or was paused;
     * a finished one stays as it is, with the latest lesson text and quiz.
     */
    public synchronized void add(LessonView lesson, String courseTitle, int position, String file, AttemptView quiz) {
        db.update("""
                INSERT INTO downloads (lesson_id, course_id, course_title, position, lesson, file, total, received, state,
                                       added_at, quiz) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)
                ON CONFLICT (lesson_id) DO UPDATE SET lesson = excluded.lesson, course_title = excluded.course_title,
                    quiz = excluded.quiz,
                    state = CASE WHEN downloads.state = 'DONE' THEN 'DONE' ELSE excluded.state END, error = NULL""",
                lesson.id().toString(), lesson.courseId().toString(), courseTitle, position, db.write(lesson), file,
                file == null ? State.DONE.name() : State.QUEUED.name(), Instant.now().toString(),
                quiz == null ? null : db.write(quiz));
    }

    public synchronized void progress(UUID lessonId, long received, long total) {
        db.update("UPDATE downloads SET received = ?, total = ? WHERE lesson_id = ?", received, total, lessonId.toString());
    }

    public synchronized void state(UUID lessonId, State state, String error) {
        db.update("UPDATE downloads SET state = ?, error = ? WHERE lesson_id = ?", state.name(), error,
                lessonId.toString());
    }

    public synchronized void remove(UUID lessonId) {
        db.update("DELETE FROM downloads WHERE lesson_id = ?", lessonId.toString());
    }

    public synchronized Optional<Item> find(UUID lessonId) {
        List<Item> found = select("WHERE lesson_id = ?", lessonId.toString());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Everything, by course and place in the course. */
    public synchronized List<Item> all() {
        return select("ORDER BY course_title, course_id, position");
    }

    private List<Item> select(String where, Object... args) {
        List<Item> out = new ArrayList<>();
        db.query("SELECT lesson, course_title, position, file, total, received, state, error, quiz FROM downloads "
                + where, rs -> out.add(new Item(db.read(rs.getString(1), LessonView.class), rs.getString(2), rs.getInt(3),
                rs.getString(4), rs.getLong(5), rs.getLong(6), State.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9) == null ? null : db.read(rs.getString(9), AttemptView.class))), args);
        return out;
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
