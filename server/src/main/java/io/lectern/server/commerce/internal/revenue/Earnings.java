package io.lectern.server.commerce.internal.revenue;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Instructors' shares of sales. Each starts pending; once the refund window has passed it moves (in the ledger,
 * from pending to available earnings) and can be paid out; a refund inside the window reverses it.
 */
public final class Earnings {

    /** Moves due shares from pending to available (all instructors', or one's). */
    @FunctionalInterface
    public interface Release {
        int releaseDue(Optional<UUID> instructorId);
    }

    /**
     * An earnings row.
     *
     * @param id           id
     * @param instructorId instructor
     * @param amount       minor units
     * @param status       PENDING, AVAILABLE or REVERSED
     */
    public record Row(UUID id, UUID instructorId, long amount, String status) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final Ledger ledger;

    public Earnings(Database db, Clock clock, Ids ids, Ledger ledger) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
    }

    public void record(Writes writes, UUID enrollmentId, UUID instructorId, UUID courseId, long amount,
                       Instant availableAt, Instant now) {
        writes.add("earnings", """
                INSERT INTO commerce.earnings (id, enrollment_id, instructor_id, course_id, amount_minor, status,
                                               available_at, created_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""", ids.next(), enrollmentId, instructorId, courseId,
                amount, Rows.param(availableAt), Rows.param(now));
    }

    public Optional<Row> lockOfEnrollment(DbExecute tx, UUID enrollmentId) {
        return tx.get("SELECT id, instructor_id, amount_minor, status FROM commerce.earnings WHERE enrollment_id = ? "
                + "FOR UPDATE", enrollmentId).map(r -> new Row(Rows.uuid(r, "id"), Rows.uuid(r, "instructor_id"),
                Rows.number(r, "amount_minor"), Rows.text(r, "status")));
    }

    public void reverse(DbExecute tx, UUID id) {
        tx.update("UPDATE commerce.earnings SET status = 'REVERSED' WHERE id = ?", id);
    }

    /**
     * Moves every share whose refund window has passed (of one instructor, or all) from pending to available, each
     * in its own ledger transaction. Rows are claimed with SKIP LOCKED, so several servers can sweep at once.
     * Returns how many moved.
     */
    public int releaseDue(Optional<UUID> instructorId) {
        int released = 0;
        while (true) {
            int batch = db.inTransaction(tx -> {
                Instant now = clock.instant();
                List<Row> due;
                try (var rows = tx.query("""
                        SELECT id, instructor_id, amount_minor, status FROM commerce.earnings
                         WHERE status = 'PENDING' AND available_at <= ? AND (?::uuid IS NULL OR instructor_id = ?::uuid)
                         ORDER BY available_at LIMIT 200 FOR UPDATE SKIP LOCKED""", Rows.param(now),
                        instructorId.orElse(null), instructorId.orElse(null))) {
                    due = rows.map(r -> new Row(Rows.uuid(r, "id"), Rows.uuid(r, "instructor_id"),
                            Rows.number(r, "amount_minor"), "PENDING")).toList();
                }
                for (Row e : due) {
                    if (e.amount() > 0) {
                        ledger.post(tx, "EARNINGS_RELEASE", e.id().toString(), null, "Refund window passed", List.of(
                                new Leg(ledger.account(tx, AccountKind.INSTRUCTOR_PENDING, e.instructorId()),
                                        AccountKind.INSTRUCTOR_PENDING, -e.amount()),
                                new Leg(ledger.account(tx, AccountKind.INSTRUCTOR_AVAILABLE, e.instructorId()),
                                        AccountKind.INSTRUCTOR_AVAILABLE, e.amount())));
                    }
                    tx.update("UPDATE commerce.earnings SET status = 'AVAILABLE' WHERE id = ?", e.id());
                }
                return due.size();
            });
            released += batch;
            if (batch < 200) {
                return released;
            }
        }
    }
}
