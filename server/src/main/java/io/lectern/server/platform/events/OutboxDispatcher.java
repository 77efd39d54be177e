package io.lectern.server.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.helidon.dbclient.DbRow;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers committed outbox rows to their listeners. Each pass claims a batch with
 * {@code FOR UPDATE SKIP LOCKED} and a lease in its own short transaction, then delivers the rows of each
 * listener together in one transaction that also deletes them, but only while this dispatcher still holds the
 * lease (one commit for many events under load). Delivered rows are gone, so the table holds only what is still
 * to do and the rows parked as DEAD for an operator. When that transaction fails, each of its rows is delivered
 * again on its own, so a failing event is retried alone and never holds the others back. A dispatcher that dies
 * mid-way simply lets its leases expire, and another one (or the same one after a restart) delivers the rows.
 * Rows are handed over in the order they were written ({@code available_at}, then the row's sequence number); a
 * row waiting for a retry comes after the rows written since.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 500;
    /** A delivered row is deleted with the delivery, if this dispatcher still holds its lease. */
    private static final String DELIVERED = """
            DELETE FROM platform.outbox WHERE id = ANY(?::uuid[]) AND leased_by = ? AND status = 'PENDING'""";

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

    /** Claims and delivers one batch; returns how many rows it claimed. */
    public int dispatchOnce() {
        List<Claimed> batch = claim();
        Map<String, List<Claimed>> byListener = new LinkedHashMap<>();
        batch.forEach(row -> byListener.computeIfAbsent(row.listener(), l -> new ArrayList<>()).add(row));
        byListener.values().forEach(rows -> {
            if (rows.size() == 1 || !deliverTogether(rows)) {
                rows.forEach(this::deliver);
            }
        });
        return batch.size();
    }

    private record Claimed(UUID id, String listener, String payload, int attempts) {
    }

    private List<Claimed> claim() {
        try (var rows = db.execute().query("""
                WITH claimed AS (
                    UPDATE platform.outbox o SET leased_by = ?, lease_until = now() + make_interval(secs => ?)
                     WHERE o.id IN (SELECT id FROM platform.outbox
                                     WHERE status = 'PENDING' AND available_at <= now()
                                       AND (lease_until IS NULL OR lease_until < now())
                                     ORDER BY available_at, seq LIMIT ? FOR UPDATE SKIP LOCKED)
                    RETURNING o.id, o.listener, o.payload::text AS payload, o.attempts, o.available_at, o.seq)
                SELECT id, listener, payload, attempts FROM claimed ORDER BY available_at, seq""",
                owner, (double) policy.lease().toMillis() / 1000, BATCH)) {
            return rows.map(OutboxDispatcher::claimed).toList();
        }
    }

    private static Claimed claimed(DbRow row) {
        return new Claimed(Rows.uuid(row, "id"), Rows.text(row, "listener"), Rows.text(row, "payload"),
                (int) Rows.number(row, "attempts"));
    }

    /** Delivers one listener's rows in one transaction; false when it failed (the rows are then tried one by one). */
    private boolean deliverTogether(List<Claimed> rows) {
        try {
            handOver(rows);
            return true;
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.fine(() -> "Delivering " + rows.size() + " rows to " + rows.getFirst().listener()
                    + " together failed; delivering them one by one: " + e);
            return false;
        }
    }

    /**
     * Hands one listener's rows over and deletes them in one transaction, which fails with {@link LeaseLostException}
     * when this dispatcher no longer holds all their leases.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handOver(List<Claimed> rows) throws JsonProcessingException {
        String listener = rows.getFirst().listener();
        EventBus.Subscription sub = bus.subscription(listener).orElseThrow(
                () -> new IllegalStateException("no listener named " + listener + " in this server"));
        List<Object> events = new ArrayList<>();
        for (Claimed row : rows) {
            events.add(bus.deserialize(row.payload(), sub.type()));
        }
        db.doInTransaction(tx -> {
            hand(sub, events, rows.stream().map(r -> new Delivery(r.id(), r.attempts() + 1, tx)).toList());
            if (tx.delete(DELIVERED, Rows.uuidArray(rows.stream().map(Claimed::id).toList()), owner) != rows.size()) {
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
        int attempt = row.attempts() + 1;
        try {
            handOver(List.of(row));
        } catch (LeaseLostException e) {
            LOG.warning(() -> "Lost the lease on outbox row " + row.id() + "; another dispatcher delivers it");
        } catch (Exception e) {
            Throwable cause = e instanceof ListenerFailedException ? e.getCause() : e;
            fail(row, attempt, cause);
        }
    }

    private void fail(Claimed row, int attempt, Throwable cause) {
        boolean dead = attempt >= policy.maxAttempts();
        String error = (cause.getClass().getSimpleName() + ": " + cause.getMessage());
        db.execute().update("""
                UPDATE platform.outbox SET attempts = ?, status = ?, last_error = ?, leased_by = NULL,
                       lease_until = NULL, available_at = now() + make_interval(secs => ?)
                 WHERE id = ? AND leased_by = ?""",
                attempt, dead ? "DEAD" : "PENDING", error.substring(0, Math.min(error.length(), 2000)),
                (double) policy.delayAfter(attempt).toMillis() / 1000, row.id(), owner);
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
