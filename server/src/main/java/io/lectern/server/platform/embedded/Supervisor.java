package io.lectern.server.platform.embedded;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Watches the embedded PostgreSQL and Redis and starts again whichever died (killed, crashed, out of memory),
 * so the server recovers without a restart of its own. A process that is alive but not answering (paused, overloaded)
 * is left alone: requests fail fast meanwhile and recover when it answers.
 */
public final class Supervisor implements AutoCloseable {

    /** A child server the supervisor can check and start again. */
    public interface Supervised {
        String name();

        /** Whether its process still runs. */
        boolean alive();

        /** Starts it again with the same address and data. */
        void restart() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());

    private final List<Supervised> children;
    private final Duration period;
    private final Thread thread;
    private volatile boolean closed;

    public Supervisor(List<Supervised> children, Duration period) {
        this.children = List.copyOf(children);
        this.period = period;
        this.thread = Thread.ofPlatform().daemon().name("lectern-supervisor").unstarted(this::watch);
    }

    public Supervisor start() {
        if (!children.isEmpty()) {
            thread.start();
        }
        return this;
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            for (Supervised child : children) {
                if (!closed && !child.alive()) {
                    restart(child);
                }
            }
        }
    }

    private void restart(Supervised child) {
        LOG.warning(() -> child.name() + " stopped; starting it again.");
        long start = System.nanoTime();
        try {
            child.restart();
            LOG.info(() -> child.name() + " runs again after " + (System.nanoTime() - start) / 1_000_000 + " ms.");
        } catch (Exception e) {
            LOG.warning(() -> child.name() + " did not start again (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); trying again in " + period.toMillis() + " ms.");
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
