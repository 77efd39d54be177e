package io.lectern.server.commerce.internal.revenue;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
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
    private final EarningsStore store = new EarningsStore();

    public Earnings(Database db, Clock clock, Ids ids, Ledger ledger) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
    }

    public void record(Writes writes, UUID enrollmentId, UUID instructorId, UUID courseId, long amount,
                       Instant availableAt, Instant now) {
        store.add(writes, ids.next(), enrollmentId, instructorId, courseId, amount, availableAt, now);
    }

    public Optional<Row> lockOfEnrollment(DbExecute tx, UUID enrollmentId) {
        return store.lockOfEnrollment(tx, enrollmentId);
    }

    public void reverse(DbExecute tx, UUID id) {
        store.reverse(tx, id);
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
                List<Row> due = store.lockDue(tx, now, instructorId);
                for (Row e : due) {
                    if (e.amount() > 0) {
                        ledger.post(tx, "EARNINGS_RELEASE", e.id().toString(), null, "Refund window passed", List.of(
                                new Leg(ledger.account(tx, AccountKind.INSTRUCTOR_PENDING, e.instructorId()),
                                        AccountKind.INSTRUCTOR_PENDING, -e.amount()),
                                new Leg(ledger.account(tx, AccountKind.INSTRUCTOR_AVAILABLE, e.instructorId()),
                                        AccountKind.INSTRUCTOR_AVAILABLE, e.amount())));
                    }
                    store.markAvailable(tx, e.id());
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
