package io.lectern.server.learning.internal.progress;

import io.lectern.server.platform.http.Validation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The learner's time zone for study days: an IANA name such as Europe/Berlin; UTC when not given. */
public final class Zones {

    private Zones() {
    }

    public static ZoneId of(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            new Validation().check(false, "timeZone", "zone", "timeZone must be an IANA time zone such as Europe/Berlin.")
                    .throwIfInvalid();
            throw e;
        }
    }
}
