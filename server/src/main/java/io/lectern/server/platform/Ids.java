package io.lectern.server.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** UUID version 7 (RFC 9562): time-ordered, so ids sort by creation and index well. */
public final class Ids {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public UUID next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
