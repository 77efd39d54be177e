package io.lectern.desktop.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dates in the app's language and this computer's zone; running times as a clock. */
class DateTextTest {

    private static final Instant AT = Instant.parse("2026-12-03T14:05:00Z");
    private TimeZone zone;

    @BeforeEach
    void utc() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(zone);
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void datesFollowTheLanguage() {
        Messages.use(Locale.ENGLISH);
        assertEquals("Dec 3, 2026", DateText.day(AT));
        assertEquals("December 3, 2026", DateText.longDay(AT));
        assertTrue(DateText.dayAndTime(AT).startsWith("Dec 3, 2026, 2:05"), DateText.dayAndTime(AT));
        Messages.use(Locale.GERMAN);
        assertEquals("03.12.2026", DateText.day(AT));
        assertEquals("3. Dezember 2026", DateText.longDay(AT));
        assertEquals("03.12.2026, 14:05", DateText.dayAndTime(AT));
        assertEquals("14:05", DateText.time(AT));
        assertEquals("", DateText.day(null));
    }

    @Test
    void runningTimesAreAClock() {
        assertEquals("0:00", DateText.clock(-3));
        assertEquals("4:05", DateText.clock(245));
        assertEquals("59:59", DateText.clock(3599));
        assertEquals("1:02:03", DateText.clock(3723));
    }
}
