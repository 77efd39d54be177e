package io.lectern.desktop.core.learning;

import io.lectern.model.learning.SyncEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns the player's time updates into what the server counts: the seconds actually played as ranges (a jump
 * of more than two seconds — a seek — starts a new range, so seeking never counts as watching), the position, and
 * study time; {@link #heartbeat()} hands them out as one sync event and starts over.
 */
public final class WatchTracker {

    private static final double JUMP = 2.0;

    private final UUID lessonId;
    private final Clock clock;
    private final List<List<Double>> ranges = new ArrayList<>();
    private double start = -1;
    private double last = -1;
    private Instant since;

    public WatchTracker(UUID lessonId, Clock clock) {
        this.lessonId = lessonId;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** The player is at {@code seconds} while playing. */
    public synchronized void playedTo(double seconds) {
        if (last >= 0 && seconds >= last && seconds - last <= JUMP) {
            last = seconds;
            return;
        }
        close();
        start = seconds;
        last = seconds;
    }

    /** Playback stopped (pause, end, seek): the current range ends here. */
    public synchronized void stopped() {
        close();
    }

    private void close() {
        if (start >= 0 && last > start) {
            ranges.add(List.of(start, last));
        }
        start = -1;
        last = -1;
    }

    /** The event to queue, or null when nothing was watched since the last one. */
    public synchronized SyncEvent.Heartbeat heartbeat(double position) {
        double resumeFrom = last;
        close();
        if (resumeFrom >= 0) {
            start = resumeFrom;
            last = resumeFrom;
        }
        Instant now = clock.instant();
        if (ranges.isEmpty()) {
            return null;
        }
        int spent = (int) Math.min(120, Math.max(0, java.time.Duration.between(since, now).toSeconds()));
        SyncEvent.Heartbeat e = new SyncEvent.Heartbeat(UUID.randomUUID().toString(), now, lessonId, position,
                List.copyOf(ranges), spent, null);
        ranges.clear();
        since = now;
        return e;
    }
}
