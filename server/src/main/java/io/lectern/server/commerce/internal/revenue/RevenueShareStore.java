package io.lectern.server.commerce.internal.revenue;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.revenue_shares. */
public final class RevenueShareStore {

    /** The instructor percent set for the course, else for its instructor (none when neither is set). */
    Optional<Integer> percentFor(DbExecute db, UUID courseId, UUID instructorId) {
        return db.get("""
                SELECT instructor_percent FROM commerce.revenue_shares
                 WHERE (scope = 'COURSE' AND subject_id = ?) OR (scope = 'INSTRUCTOR' AND subject_id = ?)
                 ORDER BY CASE scope WHEN 'COURSE' THEN 0 ELSE 1 END LIMIT 1""", courseId, instructorId)
                .map(r -> (int) Rows.number(r, "instructor_percent"));
    }

    Optional<Integer> override(DbExecute db, RevenueShares.Scope scope, UUID subjectId) {
        return db.get("SELECT instructor_percent FROM commerce.revenue_shares WHERE scope = ? AND subject_id = ?",
                scope.name(), subjectId).map(r -> (int) Rows.number(r, "instructor_percent"));
    }

    void delete(DbExecute tx, RevenueShares.Scope scope, UUID subjectId) {
        tx.delete("DELETE FROM commerce.revenue_shares WHERE scope = ? AND subject_id = ?", scope.name(), subjectId);
    }

    void upsert(DbExecute tx, RevenueShares.Scope scope, UUID subjectId, Integer percent, UUID adminId, Instant now) {
        tx.insert("""
                INSERT INTO commerce.revenue_shares (scope, subject_id, instructor_percent, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (scope, subject_id) DO UPDATE SET instructor_percent = EXCLUDED.instructor_percent,
                       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""",
                scope.name(), subjectId, percent, adminId, Rows.param(now));
    }

    /** The shares set for a person, or by them (data export). */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT scope, subject_id, instructor_percent, updated_at FROM "
                + "commerce.revenue_shares WHERE subject_id = ? OR updated_by = ?", userId, userId);
    }
}
