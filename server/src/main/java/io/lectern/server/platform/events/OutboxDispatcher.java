package io.lectern.server.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers committed outbox rows to their listeners, one listener at a time. For each listener, one transaction
 * takes (deletes, with {@code FOR UPDATE SKIP LOCKED}) its due rows, a batch for a {@link BatchListener} and one
 * for any other listener, hands them over and commits: the rows are gone exactly when the listener's work commits,
 * and a dispatcher that dies mid-way rolls back and leaves them for another (or the same one after a restart).
 * Only when a batch's transaction fails are its rows claimed under a lease and delivered one by one, each in its
 * own transaction that deletes it while this dispatcher still holds the lease, so a failing event is retried alone
 * and never holds the others back; rows that failed once wait in their own queue and are always retried alone.
 * The table holds only what is still to do and the rows parked as DEAD for an operator. Rows are handed over in
 * the order they were written ({@code available_at}, then the row's sequence number); a row waiting for a retry
 * comes after the rows written since. Rows of a listener this server does not have are tried (and fail, and are
 * parked) when nothing else is due.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 500;
    private static final String DUE = """
            status = 'PENDING' AND available_at <= now() AND (lease_until IS NULL OR lease_until < now())""";
    /** A listener's due rows, deleted by the transaction that hands them over. */
    private static final String TAKE = """
            WITH taken AS (
                DELETE FROM platform.outbox o
                 WHERE o.id IN (SELECT id FROM platform.outbox WHERE listener = ? AND attempts = 0 AND %s
                                 ORDER BY available_at, seq LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING o.id, o.listener, o.payload::text AS payload, o.attempts, o.available_at, o.seq)
            SELECT id, listener, payload, attempts FROM taken ORDER BY available_at, seq""".formatted(DUE);
    /** A delivered row is deleted with the delivery, if this dispatcher still holds its lease. */
    private static final String DELIVERED = """
            DELETE FROM platform.outbox WHERE id = ? AND leased_by = ? AND status = 'PENDING'""";

    private final Database db;
    private final EventBus bus;
    private final RetryPolicy policy;
    private final Duration pollInterval;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    private volatile boolean running;
    private Thread thread;

    public OutboxDispatcher(Database db, EventBus bus, RetryPolicy policy, Duration pollInterval) {
        this.db = db;
        this.bus = bus;
        this.policy = policy;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("outbox-dispatcher").start(this::loop); // not starved by request threads
    }

    private void loop() {
        while (running) {
            try {
                if (dispatchOnce() == 0) {
                    Thread.sleep(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox pass failed; retrying after " + pollInterval, e);
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Delivers what is due: the rows waiting for a retry one by one, each listener's new rows a batch at a time, and,
     * when nothing else was due, rows of listeners this server does not have. Returns how many rows it took.
     */
    public int dispatchOnce() {
        List<String> listeners = bus.listenerNames();
        int taken = deliverEach(claim("attempts > 0"));
        for (String listener : listeners) {
            taken += dispatch(listener);
        }
        if (taken == 0) {
            taken = deliverEach(claim("listener <> ALL(?::text[])", (Object) listeners.toArray(String[]::new)));
        }
        return taken;
    }

    /**
     * One listener's new rows: a batch listener's up to {@link #BATCH} in one transaction, a plain listener's one per
     * transaction (its effects may reach outside the database, such as a mail sent: a failure must not repeat
     * the others). When a transaction of one row fails, that was the row's attempt; when a batch fails, its rows
     * are delivered again one by one under a lease.
     */
    private int dispatch(String listener) {
        if (subscription(listener).batch() != null) {
            return dispatch(listener, BATCH);
        }
        int taken = 0;
        while (taken < BATCH && dispatch(listener, 1) == 1) {
            taken++;
        }
        return taken;
    }

    private int dispatch(String listener, int limit) {
        List<Claimed> taken = new ArrayList<>();
        try {
            return db.inTransaction(tx -> takeAndHand(listener, limit, tx, taken));
        } catch (RuntimeException e) {
            if (taken.size() == 1) {
                fail(taken.getFirst(), e instanceof ListenerFailedException ? e.getCause() : e);
                return 1;
            }
            LOG.fine(() -> "Delivering the rows due to " + listener + " together failed; delivering them one by one: "
                    + e);
            return deliverEach(claim("listener = ? AND attempts = 0", listener));
        }
    }

    private int deliverEach(List<Claimed> rows) {
        rows.forEach(this::deliver);
        return rows.size();
    }

    private int takeAndHand(String listener, int limit, DbTransaction tx, List<Claimed> rows) {
        try (var found = tx.query(TAKE, listener, limit)) {
            found.map(OutboxDispatcher::claimed).forEach(rows::add);
        }
        if (!rows.isEmpty()) {
            EventBus.Subscription<?> sub = subscription(listener);
            hand(sub, events(sub, rows), rows.stream().map(r -> new Delivery(r.id(), r.attempts() + 1, tx)).toList());
        }
        return rows.size();
    }

    private record Claimed(UUID id, String listener, String payload, int attempts) {
    }

    /** Leases due rows matching {@code filter} (a condition with its parameters) for this dispatcher. */
    private List<Claimed> claim(String filter, Object... parameters) {
        List<Object> all = new ArrayList<>(List.of(owner, (double) policy.lease().toMillis() / 1000));
        all.addAll(List.of(parameters));
        all.add(BATCH);
        try (var rows = db.execute().query("""
                WITH claimed AS (
                    UPDATE platform.outbox o SET leased_by = ?, lease_until = now() + make_interval(secs => ?)
                     WHERE o.id IN (SELECT id FROM platform.outbox WHERE %s AND %s
                                     ORDER BY available_at, seq LIMIT ? FOR UPDATE SKIP LOCKED)
                    RETURNING o.id, o.listener, o.payload::text AS payload, o.attempts, o.available_at, o.seq)
                SELECT id, listener, payload, attempts FROM claimed ORDER BY available_at, seq""".formatted(filter, DUE),
                all.toArray())) {
            return rows.map(OutboxDispatcher::claimed).toList();
        }
    }

    private static Claimed claimed(DbRow row) {
        return new Claimed(Rows.uuid(row, "id"), Rows.text(row, "listener"), Rows.text(row, "payload"),
                (int) Rows.number(row, "attempts"));
    }

    private EventBus.Subscription<?> subscription(String listener) {
        return bus.subscription(listener).orElseThrow(
                () -> new IllegalStateException("no listener named " + listener + " in this server"));
    }

    private List<Object> events(EventBus.Subscription<?> sub, List<Claimed> rows) {
        List<Object> events = new ArrayList<>();
        for (Claimed row : rows) {
            try {
                events.add(bus.deserialize(row.payload(), sub.type()));
            } catch (JsonProcessingException e) {
                throw new ListenerFailedException(e);
            }
        }
        return events;
    }

    /**
     * Hands one leased row over and deletes it in one transaction, which fails with {@link LeaseLostException} when
     * this dispatcher no longer holds its lease.
     */
    private void handOver(Claimed row) {
        EventBus.Subscription<?> sub = subscription(row.listener());
        List<Object> events = events(sub, List.of(row));
        db.doInTransaction(tx -> {
            hand(sub, events, List.of(new Delivery(row.id(), row.attempts() + 1, tx)));
            if (tx.delete(DELIVERED, row.id(), owner) != 1) {
                throw new LeaseLostException();
            }
        });
    }

    /** Hands events to the listener: a batch listener all at once, any other one by one with its delivery. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void hand(EventBus.Subscription sub, List<Object> events, List<Delivery> deliveries) {
        try {
            if (sub.batch() != null) {
                sub.batch().on(events, deliveries.getFirst().tx());
                return;
            }
            for (int i = 0; i < events.size(); i++) {
                sub.listener().on(events.get(i), deliveries.get(i));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ListenerFailedException(e);
        }
    }

    private void deliver(Claimed row) {
        try {
            handOver(row);
        } catch (LeaseLostException e) {
            LOG.warning(() -> "Lost the lease on outbox row " + row.id() + "; another dispatcher delivers it");
        } catch (Exception e) {
            Throwable cause = e instanceof ListenerFailedException ? e.getCause() : e;
            fail(row, cause);
        }
    }

    /** Records a failed attempt of a row this dispatcher leased, or took and gave back by rolling back. */
    private void fail(Claimed row, Throwable cause) {
        int attempt = row.attempts() + 1;
        boolean dead = attempt >= policy.maxAttempts();
        String error = (cause.getClass().getSimpleName() + ": " + cause.getMessage());
        db.execute().update("""
                UPDATE platform.outbox SET attempts = ?, status = ?, last_error = ?, leased_by = NULL,
                       lease_until = NULL, available_at = now() + make_interval(secs => ?)
                 WHERE id = ? AND attempts = ? AND (leased_by = ? OR lease_until IS NULL OR lease_until < now())""",
                attempt, dead ? "DEAD" : "PENDING", error.substring(0, Math.min(error.length(), 2000)),
                (double) policy.delayAfter(attempt).toMillis() / 1000, row.id(), row.attempts(), owner);
        Level level = dead ? Level.SEVERE : Level.WARNING;
        LOG.log(level, "Outbox delivery " + row.id() + " to " + row.listener() + " failed (attempt " + attempt + "/"
                + policy.maxAttempts() + (dead ? ", parked as dead" : ", will retry") + "): " + error);
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Carries a listener's checked exception out of the transaction lambda. */
    private static final class ListenerFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailedException(Throwable cause) {
            super(cause);
        }
    }

    /** Another dispatcher took the row after our lease expired; our transaction rolls back. */
    private static final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("outbox lease lost", null, false, false);
        }
    }
}
