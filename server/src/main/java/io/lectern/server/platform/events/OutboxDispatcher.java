package io.lectern.server.platform.events;

import io.helidon.dbclient.DbRow;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers committed outbox rows to their listeners. Each pass claims a batch with
 * {@code FOR UPDATE SKIP LOCKED} and a lease in its own short transaction, then delivers each row in a
 * transaction that also marks it done, but only while this dispatcher still holds the lease. A dispatcher
 * that dies mid-way simply lets its leases expire, and another one (or the same one after a restart)
 * delivers the rows.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 50;

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
        thread = Thread.ofVirtual().name("outbox-dispatcher").start(this::loop);
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
        batch.forEach(this::deliver);
        return batch.size();
    }

    private record Claimed(UUID id, String listener, String payload, int attempts) {
    }

    private List<Claimed> claim() {
        try (var rows = db.execute().query("""
                UPDATE platform.outbox o SET leased_by = ?, lease_until = now() + make_interval(secs => ?)
                 WHERE o.id IN (SELECT id FROM platform.outbox
                                 WHERE status = 'PENDING' AND available_at <= now()
                                   AND (lease_until IS NULL OR lease_until < now())
                                 ORDER BY available_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING o.id, o.listener, o.payload::text AS payload, o.attempts""",
                owner, (double) policy.lease().toMillis() / 1000, BATCH)) {
            return rows.map(OutboxDispatcher::claimed).toList();
        }
    }

    private static Claimed claimed(DbRow row) {
        return new Claimed(Rows.uuid(row, "id"), Rows.text(row, "listener"), Rows.text(row, "payload"),
                (int) Rows.number(row, "attempts"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deliver(Claimed row) {
        int attempt = row.attempts() + 1;
        try {
            EventBus.Subscription sub = bus.subscription(row.listener()).orElseThrow(
                    () -> new IllegalStateException("no listener named " + row.listener() + " in this server"));
            Object event = bus.deserialize(row.payload(), sub.type());
            db.doInTransaction(tx -> {
                try {
                    sub.listener().on(event, new Delivery(row.id(), attempt, tx));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ListenerFailedException(e);
                }
                long marked = tx.update("""
                        UPDATE platform.outbox SET status = 'DONE', delivered_at = now(), attempts = ?,
                               leased_by = NULL, lease_until = NULL, last_error = NULL
                         WHERE id = ? AND leased_by = ? AND status = 'PENDING'""", attempt, row.id(), owner);
                if (marked != 1) {
                    throw new LeaseLostException();
                }
            });
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
