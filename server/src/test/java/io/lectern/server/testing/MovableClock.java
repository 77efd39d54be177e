package io.lectern.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The real time plus an offset a test moves forward, to see renewals, grace periods and windows pass. */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Moves the clock forward so it reads {@code instant} (or a moment later); never backwards. */
    public void advanceTo(Instant instant) {
        offset.updateAndGet(o -> {
            Duration needed = Duration.between(Instant.now(), instant);
            return needed.compareTo(o) > 0 ? needed : o;
        });
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
