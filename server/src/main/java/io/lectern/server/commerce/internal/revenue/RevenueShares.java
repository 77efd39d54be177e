package io.lectern.server.commerce.internal.revenue;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.cache.ReadCache;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The instructors' share of a sale: a course's override beats its instructor's, which beats the default. */
public final class RevenueShares {

    /** Whose share an override sets. */
    public enum Scope { INSTRUCTOR, COURSE }

    private final int defaultPercent;
    /** Looked up for every sale; an admin's change applies here at once and on other instances within the TTL. */
    private final ReadCache<String, Integer> cache;

    public RevenueShares(int defaultPercent, java.time.Clock clock) {
        this.defaultPercent = defaultPercent;
        this.cache = new ReadCache<>(java.time.Duration.ofSeconds(30), 10_000, clock);
    }

    public int percentFor(DbExecute db, UUID courseId, UUID instructorId) {
        return cache.get(courseId + "/" + instructorId, () -> lookup(db, courseId, instructorId), p -> null);
    }

    private Integer lookup(DbExecute db, UUID courseId, UUID instructorId) {
        return db.get("""
                SELECT instructor_percent FROM commerce.revenue_shares
                 WHERE (scope = 'COURSE' AND subject_id = ?) OR (scope = 'INSTRUCTOR' AND subject_id = ?)
                 ORDER BY CASE scope WHEN 'COURSE' THEN 0 ELSE 1 END LIMIT 1""", courseId, instructorId)
                .map(r -> (int) Rows.number(r, "instructor_percent")).orElse(defaultPercent);
    }

    public Optional<Integer> override(DbExecute db, Scope scope, UUID subjectId) {
        return db.get("SELECT instructor_percent FROM commerce.revenue_shares WHERE scope = ? AND subject_id = ?",
                scope.name(), subjectId).map(r -> (int) Rows.number(r, "instructor_percent"));
    }

    /** Drops remembered percentages; call after the transaction that changed an override committed. */
    public void forget() {
        cache.invalidateAll();
    }

    public void set(DbExecute tx, Scope scope, UUID subjectId, Integer percent, UUID adminId, Instant now) {
        if (percent == null) {
            tx.delete("DELETE FROM commerce.revenue_shares WHERE scope = ? AND subject_id = ?", scope.name(), subjectId);
            return;
        }
        tx.insert("""
                INSERT INTO commerce.revenue_shares (scope, subject_id, instructor_percent, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (scope, subject_id) DO UPDATE SET instructor_percent = EXCLUDED.instructor_percent,
                       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""",
                scope.name(), subjectId, percent, adminId, Rows.param(now));
    }

    public int defaultPercent() {
        return defaultPercent;
    }
}
