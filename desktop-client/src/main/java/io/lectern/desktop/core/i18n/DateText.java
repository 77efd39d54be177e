package io.lectern.desktop.core.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times for people: in this computer's time zone, in the order and words of the app's language
 * ("3 Dec 2026" in British English, "Dec 3, 2026" in English, "03.12.2026" in German), and running times as a
 * clock ("4:05", "1:02:03"). Every screen writes them through here, so they read the same everywhere. Formatters
 * are made at use: the language can change while the app runs.
 */
public final class DateText {

    private DateText() {
    }

    /** A day: "Dec 3, 2026". */
    public static String day(Instant at) {
        return format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM), at);
    }

    /** A day written out: "December 3, 2026" (certificates). */
    public static String longDay(Instant at) {
        return format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG), at);
    }

    /** A day and the time: "Dec 3, 2026, 2:05 PM". */
    public static String dayAndTime(Instant at) {
        return format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT), at);
    }

    /** The time of day: "2:05 PM". */
    public static String time(Instant at) {
        return format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT), at);
    }

    /** A running time or time left: "4:05", or "1:02:03" from an hour on. */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String format(DateTimeFormatter style, Instant at) {
        return at == null ? "" : style.withLocale(Messages.locale()).withZone(ZoneId.systemDefault()).format(at);
    }
}
