package io.lectern.server.catalog.internal.reviews;

import java.util.Map;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.ReportedReview;
import io.lectern.model.catalog.ReviewView;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import io.lectern.server.platform.http.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL over reviews, their reports and the rating summary they keep on the published course. */
public final class ReviewStore {

    private static final String SELECT = """
            SELECT r.id, r.course_id, r.author_id, r.author_name, r.rating, r.body, r.created_at, r.updated_at,
                   r.reply_body, r.reply_name, r.reply_at, r.hidden, r.hidden_reason, r.report_count
              FROM catalog.reviews r
            """;

    /**
     * A review row.
     *
     * @param view        as shown
     * @param reportCount reports against it
     */
    public record Row(ReviewView view, int reportCount) {
    }

    /** Locks the course's published row: review writes of one course apply one at a time, so the summary is exact. */
    public boolean lockCourse(DbExecute tx, UUID courseId) {
        return tx.get("SELECT 1 FROM catalog.published_courses WHERE course_id = ? FOR UPDATE", courseId).isPresent();
    }

    public void insert(DbExecute tx, UUID id, UUID courseId, UUID authorId, String authorName, int rating, String body,
                Instant now) {
        tx.insert("""
                INSERT INTO catalog.reviews (id, course_id, author_id, author_name, rating, body, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, courseId, authorId, authorName, rating, body, Rows.param(now),
                Rows.param(now));
    }

    public void update(DbExecute tx, UUID id, int rating, String body, Instant now) {
        tx.update("UPDATE catalog.reviews SET rating = ?, body = ?, updated_at = ? WHERE id = ?", rating, body,
                Rows.param(now), id);
    }

    public void delete(DbExecute tx, UUID id) {
        tx.delete("DELETE FROM catalog.reviews WHERE id = ?", id);
    }

    public void reply(DbExecute tx, UUID id, UUID authorId, String authorName, String body, Instant now) {
        tx.update("UPDATE catalog.reviews SET reply_body = ?, reply_author = ?, reply_name = ?, reply_at = ? WHERE id = ?",
                body, authorId, authorName, Rows.param(now), id);
    }

    public void setHidden(DbExecute tx, UUID id, boolean hidden, String reason) {
        tx.update("UPDATE catalog.reviews SET hidden = ?, hidden_reason = ? WHERE id = ?", hidden, reason, id);
    }

    /** Records a report once per reporter; returns whether it was new. */
    public boolean report(DbExecute tx, UUID reviewId, UUID reporterId, String reason, String details, Instant now) {
        long added = tx.insert("""
                INSERT INTO catalog.review_reports (review_id, reporter_id, reason, details, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", reviewId, reporterId, reason, details, Rows.param(now));
        if (added > 0) {
            tx.update("UPDATE catalog.reviews SET report_count = report_count + 1 WHERE id = ?", reviewId);
        }
        return added > 0;
    }

    /** Recomputes the course's rating average, count and histogram from its visible reviews. */
    public void refreshRating(DbExecute tx, UUID courseId) {
        tx.update("""
                UPDATE catalog.published_courses p
                   SET rating_avg = coalesce(round(s.average, 2), 0), rating_count = s.n, rating_hist = s.hist
                  FROM (SELECT avg(rating) AS average, count(*) AS n,
                               ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
                                     count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
                                     count(*) FILTER (WHERE rating = 5)]::integer[] AS hist
                          FROM catalog.reviews WHERE course_id = ? AND NOT hidden) s
                 WHERE p.course_id = ?""", courseId, courseId);
    }

    public Optional<Row> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE r.id = ?", id).map(ReviewStore::row);
    }

    public Optional<Row> byAuthor(DbExecute db, UUID courseId, UUID authorId) {
        return db.get(SELECT + " WHERE r.course_id = ? AND r.author_id = ?", courseId, authorId)
                .map(ReviewStore::row);
    }

    /** A course's reviews, newest first; hidden ones only for admins and their author. */
    public List<ReviewView> page(DbExecute db, UUID courseId, UUID viewer, boolean admin, int limit,
                          Optional<PageCursor> after) {
        Sql sql = new Sql(SELECT + " WHERE r.course_id = ?", courseId);
        if (!admin) {
            sql.append(" AND (NOT r.hidden OR r.author_id = ?)", viewer);
        }
        after.ifPresent(a -> sql.append(" AND (r.created_at, r.id) < (?, ?)", Rows.param(a.at()), a.id()));
        sql.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT ?", limit);
        try (var rows = db.query(sql.text(), sql.params())) {
            return rows.map(r -> row(r).view()).toList();
        }
    }

    /** Reported, still visible reviews, most reported first. */
    public List<ReportedReview> reported(DbExecute db, int limit) {
        try (var rows = db.query(SELECT.replace("FROM catalog.reviews r", """
                       , c.title AS course_title,
                       ARRAY(SELECT rr.reason FROM catalog.review_reports rr WHERE rr.review_id = r.id
                              ORDER BY rr.created_at DESC LIMIT 10) AS reasons
                  FROM catalog.reviews r JOIN catalog.courses c ON c.id = r.course_id""")
                + " WHERE r.report_count > 0 AND NOT r.hidden ORDER BY r.report_count DESC, r.id LIMIT ?", limit)) {
            return rows.map(r -> new ReportedReview(row(r).view(), Rows.text(r, "course_title"),
                    (int) Rows.number(r, "report_count"), Rows.strings(r, "reasons"))).toList();
        }
    }

    private static Row row(DbRow r) {
        ReviewView.Reply reply = Rows.text(r, "reply_body") == null ? null
                : new ReviewView.Reply(Rows.text(r, "reply_body"), Rows.text(r, "reply_name"), Rows.instant(r, "reply_at"));
        return new Row(new ReviewView(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), Rows.uuid(r, "author_id"),
                Rows.text(r, "author_name"), (int) Rows.number(r, "rating"), Rows.text(r, "body"),
                Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"), reply, Rows.flag(r, "hidden"),
                Rows.text(r, "hidden_reason")), (int) Rows.number(r, "report_count"));
    }

    /** The reviews a person wrote, for their data export. */
    public List<Map<String, Object>> writtenBy(DbExecute db, UUID userId) {
        return Rows.maps(db, """
                SELECT r.id, r.course_id, c.title AS course, r.author_name AS shown_as, r.rating, r.body, r.hidden,
                       r.created_at, r.updated_at
                  FROM catalog.reviews r JOIN catalog.courses c ON c.id = r.course_id WHERE r.author_id = ?
                 ORDER BY r.created_at""", userId);
    }

    /** The replies a person wrote as an instructor, for their data export. */
    public List<Map<String, Object>> repliesBy(DbExecute db, UUID userId) {
        return Rows.maps(db, """
                SELECT r.id AS review_id, c.title AS course, r.reply_name AS shown_as, r.reply_body AS body, r.reply_at
                  FROM catalog.reviews r JOIN catalog.courses c ON c.id = r.course_id WHERE r.reply_author = ?
                 ORDER BY r.reply_at""", userId);
    }

    /** The reports a person filed, for their data export. */
    public List<Map<String, Object>> reportsBy(DbExecute db, UUID userId) {
        return Rows.maps(db, """
                SELECT review_id, reason, details, created_at FROM catalog.review_reports WHERE reporter_id = ?
                 ORDER BY created_at""", userId);
    }

    /** Shows a person's reviews and replies under the given names (account deletion). */
    public void renameAuthor(DbExecute tx, UUID userId, String authorName, String replyName) {
        tx.dml("UPDATE catalog.reviews SET author_name = ? WHERE author_id = ?", authorName, userId);
        tx.dml("UPDATE catalog.reviews SET reply_name = ? WHERE reply_author = ?", replyName, userId);
    }
}
