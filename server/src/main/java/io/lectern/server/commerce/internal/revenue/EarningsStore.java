package io.lectern.server.commerce.internal.revenue;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.earnings. */
public final class EarningsStore {

    /** Adds a new share of a sale, pending until {@code availableAt}, to {@code writes}. */
    void add(Writes writes, UUID id, UUID enrollmentId, UUID instructorId, UUID courseId, long amount,
             Instant availableAt, Instant now) {
        writes.add("earnings", """
                INSERT INTO commerce.earnings (id, enrollment_id, instructor_id, course_id, amount_minor, status,
                                               available_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""", id, enrollmentId, instructorId, courseId,
                amount, Rows.param(availableAt), Rows.param(now));
    }

    /** The share of an enrollment's sale, locked until the transaction ends. */
    Optional<Earnings.Row> lockOfEnrollment(DbExecute tx, UUID enrollmentId) {
        return tx.get("SELECT id, instructor_id, amount_minor, status FROM commerce.earnings WHERE enrollment_id = ? "
                + "FOR UPDATE", enrollmentId).map(r -> new Earnings.Row(Rows.uuid(r, "id"), Rows.uuid(r, "instructor_id"),
                Rows.number(r, "amount_minor"), Rows.text(r, "status")));
    }

    void reverse(DbExecute tx, UUID id) {
        tx.update("UPDATE commerce.earnings SET status = 'REVERSED' WHERE id = ?", id);
    }

    /**
     * Up to 200 pending shares whose refund window has passed by {@code now} (of one instructor, or all), oldest first,
     * claimed with SKIP LOCKED until the transaction ends.
     */
    List<Earnings.Row> lockDue(DbExecute tx, Instant now, Optional<UUID> instructorId) {
        try (var rows = tx.query("""
                SELECT id, instructor_id, amount_minor, status FROM commerce.earnings
                 WHERE status = 'PENDING' AND available_at <= ? AND (?::uuid IS NULL OR instructor_id = ?::uuid)
                 ORDER BY available_at LIMIT 200 FOR UPDATE SKIP LOCKED""", Rows.param(now),
                instructorId.orElse(null), instructorId.orElse(null))) {
            return rows.map(r -> new Earnings.Row(Rows.uuid(r, "id"), Rows.uuid(r, "instructor_id"),
                    Rows.number(r, "amount_minor"), "PENDING")).toList();
        }
    }

    void markAvailable(DbExecute tx, UUID id) {
        tx.update("UPDATE commerce.earnings SET status = 'AVAILABLE' WHERE id = ?", id);
    }

    /** An instructor's shares of sales (data export). */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID instructorId) {
        return Rows.maps(db, "SELECT enrollment_id, course_id, amount_minor, status, available_at, created_at "
                + "FROM commerce.earnings WHERE instructor_id = ? ORDER BY created_at", instructorId);
    }
}
