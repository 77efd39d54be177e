package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.learning.LessonProgress;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL of learning.lesson_progress, learning.study_time, learning.course_study_time and learning.course_completions:
 * set-based merges of a batch, completion by watched share, reads.
 */
public final class ProgressStore {

    /**
     * A lesson that became complete.
     *
     * @param lessonId    lesson
     * @param courseId    course
     * @param completedAt when
     */
    public record Completion(UUID lessonId, UUID courseId, Instant completedAt) {
    }

    /**
     * A stored progress row.
     *
     * @param courseId course
     * @param view     progress as learners see it
     * @param change   change number (sync cursor)
     */
    public record Row(UUID courseId, LessonProgress view, long change) {
    }

    /**
     * One learner's totals in a course.
     *
     * @param userId       learner
     * @param done         required lessons completed
     * @param spentSec     study time
     * @param lastAccessed last activity
     */
    record LearnerTotals(UUID userId, int done, long spentSec, Instant lastAccessed) {
    }

    static final String SELECT = """
            SELECT lesson_id, course_id, position_sec, time_spent_sec, completed_at, last_accessed, change, duration_sec,
                   (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(watched) r) AS watched_sec
              FROM learning.lesson_progress""";

    private static final String MERGE = """
                WITH t AS (SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::float8[], ?::timestamptz[],
                                                ?::bigint[], ?::timestamptz[], ?::timestamptz[])
                                 AS t(lesson_id, course_id, watched, duration, position, position_at, spent, completed_at,
                                      accessed))
                INSERT INTO learning.lesson_progress AS p (user_id, lesson_id, course_id, watched, duration_sec,
                       position_sec, position_at, time_spent_sec, completed_at, last_accessed)
                SELECT ?, lesson_id, course_id, watched::int4multirange, duration, coalesce(position, 0), position_at,
                       spent, completed_at, accessed FROM t
                ON CONFLICT (user_id, lesson_id) DO UPDATE SET
                       watched = p.watched + excluded.watched,
                       duration_sec = excluded.duration_sec,
                       position_sec = CASE WHEN excluded.position_at IS NOT NULL
                                            AND (p.position_at IS NULL OR excluded.position_at > p.position_at)
                                           THEN excluded.position_sec ELSE p.position_sec END,
                       position_at = greatest(p.position_at, excluded.position_at),
                       time_spent_sec = p.time_spent_sec + excluded.time_spent_sec,
                       completed_at = coalesce(p.completed_at, excluded.completed_at),
                       last_accessed = greatest(p.last_accessed, excluded.last_accessed),
                       change = nextval('learning.changes')
                RETURNING lesson_id, course_id, completed_at, (xmax = 0) AS inserted,
                          (SELECT completed_at IS NULL FROM learning.lesson_progress o
                            WHERE o.user_id = p.user_id AND o.lesson_id = p.lesson_id) AS was_open""";

    /** Merges the batch into the stored rows; returns the lessons that became complete by it. */
    public List<Completion> merge(DbExecute tx, ProgressBatch batch, Instant now) {
        List<ProgressBatch.LessonDelta> deltas = new ArrayList<>(batch.lessons().values());
        int n = deltas.size();
        String[] lessons = new String[n];
        String[] courses = new String[n];
        String[] watched = new String[n];
        Integer[] durations = new Integer[n];
        Double[] positions = new Double[n];
        String[] positionAt = new String[n];
        Long[] spent = new Long[n];
        String[] completed = new String[n];
        String[] accessed = new String[n];
        List<String> videos = new ArrayList<>();
        List<String> pdfs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProgressBatch.LessonDelta d = deltas.get(i);
            lessons[i] = d.lesson.lessonId().toString();
            courses[i] = d.lesson.courseId().toString();
            watched[i] = Ranges.literal(d.ranges);
            durations[i] = d.lesson.durationSec();
            positions[i] = d.position;
            positionAt[i] = d.positionAt == null ? null : d.positionAt.toString();
            spent[i] = d.spent;
            completed[i] = d.completedAt == null ? null : d.completedAt.toString();
            accessed[i] = d.accessed.toString();
            if (d.lesson.type() == LessonType.VIDEO) {
                videos.add(lessons[i]);
            } else if (d.lesson.type() == LessonType.PDF && !d.ranges.isEmpty()) {
                pdfs.add(lessons[i]);
            }
        }
        List<Completion> done = new ArrayList<>();
        try (var rows = tx.query(MERGE,
                (Object) lessons, courses, watched, durations, positions, positionAt, spent, completed, accessed,
                batch.userId())) {
            rows.forEach(r -> {
                boolean fresh = Rows.flag(r, "inserted") || Rows.flag(r, "was_open");
                if (fresh && Rows.instant(r, "completed_at") != null) {
                    done.add(new Completion(Rows.uuid(r, "lesson_id"), Rows.uuid(r, "course_id"),
                            Rows.instant(r, "completed_at")));
                }
            });
        }
        done.addAll(completeWatched(tx, batch.userId(), videos, 0.9, now));
        done.addAll(completeWatched(tx, batch.userId(), pdfs, 1.0, now));
        addStudyTime(tx, batch);
        return done;
    }

    /**
     * Videos whose unique watched seconds reached 90 % of their length (seeking does not count), and PDFs whose
     * every page was viewed (their length is in pages), become complete.
     */
    private List<Completion> completeWatched(DbExecute tx, UUID userId, List<String> videos, double share,
                                             Instant now) {
        if (videos.isEmpty()) {
            return List.of();
        }
        try (var rows = tx.query("""
                UPDATE learning.lesson_progress p SET completed_at = ?, change = nextval('learning.changes')
                 WHERE user_id = ? AND lesson_id = ANY(?::uuid[]) AND completed_at IS NULL AND duration_sec > 0
                   AND (SELECT coalesce(sum(upper(r) - lower(r)), 0)
                          FROM unnest(p.watched * int4multirange(int4range(0, p.duration_sec))) r)
                       >= ? * p.duration_sec
                RETURNING lesson_id, course_id, completed_at""", Rows.param(now), userId,
                videos.toArray(String[]::new), share)) {
            return rows.map(r -> new Completion(Rows.uuid(r, "lesson_id"), Rows.uuid(r, "course_id"),
                    Rows.instant(r, "completed_at"))).toList();
        }
    }

    private void addStudyTime(DbExecute tx, ProgressBatch batch) {
        if (batch.slots().isEmpty()) {
            return;
        }
        List<Map.Entry<Instant, Integer>> slots = new ArrayList<>(batch.slots().entrySet());
        tx.update("""
                INSERT INTO learning.study_time AS d (user_id, slot, seconds)
                SELECT ?, slot, seconds FROM unnest(?::timestamptz[], ?::int[]) AS t(slot, seconds)
                ON CONFLICT (user_id, slot) DO UPDATE SET seconds = d.seconds + excluded.seconds""", batch.userId(),
                slots.stream().map(e -> e.getKey().toString()).toArray(String[]::new),
                slots.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        var perCourse = new ArrayList<>(batch.courseSlots().entrySet());
        tx.update("""
                INSERT INTO learning.course_study_time AS d (user_id, course_id, slot, seconds)
                SELECT ?, course_id, slot, seconds FROM unnest(?::uuid[], ?::timestamptz[], ?::int[])
                           AS t(course_id, slot, seconds)
                ON CONFLICT (user_id, course_id, slot) DO UPDATE SET seconds = d.seconds + excluded.seconds""",
                batch.userId(), perCourse.stream().map(e -> e.getKey().getKey().toString()).toArray(String[]::new),
                perCourse.stream().map(e -> e.getKey().getValue().toString()).toArray(String[]::new),
                perCourse.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
    }

    /**
     * A learner's study seconds per course in [from, to), by quarter hour: the quarter hour {@code from} falls in
     * counts, the one {@code to} falls in does not, so back-to-back periods share out every slot exactly once.
     */
    public Map<UUID, Long> studySeconds(DbExecute db, UUID userId, Instant from, Instant to) {
        try (var rows = db.query("""
                SELECT course_id, sum(seconds) AS seconds FROM learning.course_study_time
                 WHERE user_id = ? AND slot >= ? AND slot < ? GROUP BY course_id""", userId,
                Rows.param(ProgressBatch.slot(from)), Rows.param(ProgressBatch.slot(to)))) {
            return rows.collect(Collectors.toMap(r -> Rows.uuid(r, "course_id"), r -> Rows.number(r, "seconds")));
        }
    }

    public List<Row> ofCourse(DbExecute db, UUID userId, UUID courseId) {
        try (var rows = db.query(SELECT + " WHERE user_id = ? AND course_id = ?", userId, courseId)) {
            return rows.map(ProgressStore::row).toList();
        }
    }

    public List<Row> since(DbExecute db, UUID userId, long change) {
        try (var rows = db.query(SELECT + " WHERE user_id = ? AND change > ? ORDER BY change", userId, change)) {
            return rows.map(ProgressStore::row).toList();
        }
    }

    /** The days (in {@code zone}) with study since {@code from}. */
    public Set<LocalDate> studyDays(DbExecute db, UUID userId, Instant from, ZoneId zone) {
        try (var rows = db.query("SELECT slot FROM learning.study_time WHERE user_id = ? AND slot >= ?", userId,
                Rows.param(from))) {
            return rows.map(r -> LocalDate.ofInstant(Rows.instant(r, "slot"), zone))
                    .collect(Collectors.toSet());
        }
    }

    static Row row(DbRow r) {
        int duration = Rows.integer(r, "duration_sec");
        long watched = Rows.number(r, "watched_sec");
        Instant completed = Rows.instant(r, "completed_at");
        int percent = duration > 0 ? (int) Math.min(100, watched * 100 / duration) : 0;
        return new Row(Rows.uuid(r, "course_id"), new LessonProgress(Rows.uuid(r, "lesson_id"),
                completed != null ? "COMPLETED" : "IN_PROGRESS", Rows.decimal(r, "position_sec"), percent,
                Rows.number(r, "time_spent_sec"), completed, Rows.instant(r, "last_accessed")),
                Rows.number(r, "change"));
    }

    /** Unique watched seconds of a lesson now, and with {@code added} (a multirange literal) unioned in. */
    long[] watchedSeconds(DbExecute db, UUID userId, UUID lessonId, String added) {
        return db.get("""
                WITH now AS (SELECT coalesce((SELECT watched FROM learning.lesson_progress WHERE user_id = ?
                                              AND lesson_id = ?), '{}'::int4multirange) AS w)
                SELECT (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM now, unnest(now.w) r) AS before,
                       (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM now, unnest(now.w + ?::int4multirange) r)
                           AS after""", userId, lessonId, added)
                .map(r -> new long[] {Rows.number(r, "before"), Rows.number(r, "after")}).orElse(new long[] {0, 0});
    }

    /** The lessons a learner completed, per course, in these courses. */
    Map<UUID, Set<UUID>> completedIn(DbExecute db, UUID userId, java.util.Collection<UUID> courseIds) {
        if (courseIds.isEmpty()) {
            return Map.of();
        }
        try (var rows = db.query("SELECT course_id, lesson_id FROM learning.lesson_progress WHERE user_id = ? "
                + "AND course_id = ANY (?::uuid[]) AND completed_at IS NOT NULL", userId, Rows.uuidArray(courseIds))) {
            return rows.collect(Collectors.groupingBy(r -> Rows.uuid(r, "course_id"),
                    Collectors.mapping(r -> Rows.uuid(r, "lesson_id"), Collectors.toSet())));
        }
    }

    /** The lessons a learner completed in a course. */
    Set<UUID> completedLessons(DbExecute db, UUID userId, UUID courseId) {
        try (var rows = db.query("SELECT lesson_id FROM learning.lesson_progress WHERE user_id = ? AND course_id = ? "
                + "AND completed_at IS NOT NULL", userId, courseId)) {
            return rows.map(r -> Rows.uuid(r, "lesson_id")).collect(Collectors.toSet());
        }
    }

    /** Records that a learner completed a course; true the first time only. */
    boolean insertCompletion(DbExecute tx, UUID userId, UUID courseId, Instant at) {
        return tx.get("INSERT INTO learning.course_completions (user_id, course_id, completed_at) "
                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING course_id", userId, courseId, Rows.param(at))
                .isPresent();
    }

    /**
     * Per learner of a course, the most recently active first (at most 5000): how many of the {@code required}
     * lessons they completed, their study time and their last activity.
     */
    List<LearnerTotals> learnerTotals(DbExecute db, UUID courseId, Collection<UUID> required) {
        try (var rows = db.query("""
                SELECT user_id, count(*) FILTER (WHERE completed_at IS NOT NULL AND lesson_id = ANY(?::uuid[])) AS done,
                       sum(time_spent_sec) AS spent, max(last_accessed) AS last
                  FROM learning.lesson_progress WHERE course_id = ? GROUP BY user_id ORDER BY max(last_accessed) DESC
                 LIMIT 5000""", Rows.uuidArray(required), courseId)) {
            return rows.map(r -> new LearnerTotals(Rows.uuid(r, "user_id"), (int) Rows.number(r, "done"),
                    Rows.number(r, "spent"), Rows.instant(r, "last"))).toList();
        }
    }

    /** A learner's progress per lesson, for their data export. */
    public List<Map<String, Object>> exportProgress(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT lesson_id, course_id, watched::text AS watched_seconds, duration_sec, "
                + "position_sec, time_spent_sec, completed_at, last_accessed FROM learning.lesson_progress "
                + "WHERE user_id = ? ORDER BY course_id, lesson_id", userId);
    }

    /** A learner's study time per quarter hour, for their data export. */
    public List<Map<String, Object>> exportStudyTime(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT slot, seconds FROM learning.study_time WHERE user_id = ? "
                + "ORDER BY slot", userId);
    }

    /** A learner's study time per course and quarter hour, for their data export. */
    public List<Map<String, Object>> exportStudyTimeByCourse(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT course_id, slot, seconds FROM learning.course_study_time "
                + "WHERE user_id = ? ORDER BY slot", userId);
    }

    /** The courses a learner completed, for their data export. */
    public List<Map<String, Object>> exportCompletions(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT course_id, completed_at FROM learning.course_completions "
                + "WHERE user_id = ? ORDER BY completed_at", userId);
    }

    /** Deletes a learner's lesson progress (account deletion). */
    public void eraseProgress(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.lesson_progress WHERE user_id = ?", userId);
    }

    /** Deletes a learner's study time, in all and per course (account deletion). */
    public void eraseStudyTime(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.study_time WHERE user_id = ?", userId);
        tx.dml("DELETE FROM learning.course_study_time WHERE user_id = ?", userId);
    }

    /** Deletes a learner's course completions (account deletion). */
    public void eraseCompletions(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.course_completions WHERE user_id = ?", userId);
    }
}
