package io.lectern.server.platform.logging;

import io.lectern.server.platform.db.SqlErrors;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per log record: {@code 2026-11-30T05:44:33.760Z INFO    logger.name - message}, then the stack trace of
 * an exception, if any. It replaces {@code SimpleFormatter}, which parses its format string and walks the stack to
 * find the caller on every record: with one access-log line per request, that was 6 % of the server's CPU under
 * load. Messages and exception texts may carry what a client sent, so their control characters are written as
 * escapes ({@code \n}, {@code \u0000}): no client text can start a line of its own and pass for the server's.
 * A lost database connection, which every background task reports while PostgreSQL is away, is one line with its
 * SQLState instead of a stack trace: the outage is visible, the log is not flooded.
 */
public final class LineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NL = System.lineSeparator();

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        TIME.formatTo(record.getInstant(), line);
        String level = record.getLevel().getName();
        line.append(' ').append(level).repeat(' ', Math.max(1, 8 - level.length()))
                .append(record.getLoggerName()).append(" - ");
        escape(formatMessage(record), line);
        if (record.getThrown() != null && SqlErrors.isConnectionFailure(record.getThrown())) {
            line.append(" [database unreachable: ").append(SqlErrors.describe(record.getThrown())).append(']');
        } else if (record.getThrown() != null) {
            trace(record.getThrown(), "", new StackTraceElement[0], line,
                    Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return line.append(NL).toString();
    }

    /** A stack trace as {@link Throwable#printStackTrace()} writes it, with each exception's text escaped. */
    private static void trace(Throwable t, String caption, StackTraceElement[] enclosing, StringBuilder out,
                              Set<Throwable> seen) {
        if (!seen.add(t)) {
            out.append(NL).append("\t[CIRCULAR REFERENCE: ");
            escape(t.toString(), out);
            out.append(']');
            return;
        }
        out.append(NL).append(caption);
        escape(t.toString(), out);
        StackTraceElement[] frames = t.getStackTrace();
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        for (int i = 0; i <= m; i++) {
            out.append(NL).append("\tat ").append(frames[i]);
        }
        if (m < frames.length - 1) {
            out.append(NL).append("\t... ").append(frames.length - 1 - m).append(" more");
        }
        for (Throwable s : t.getSuppressed()) {
            trace(s, "\tSuppressed: ", frames, out, seen);
        }
        if (t.getCause() != null) {
            trace(t.getCause(), "Caused by: ", frames, out, seen);
        }
    }

    /** Appends {@code text} with control characters (and lone surrogates) as visible escapes. */
    static void escape(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isHighSurrogate(c) && (i + 1 == text.length()
                            || !Character.isLowSurrogate(text.charAt(i + 1)))
                            || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || (c >= 0x80 && c < 0xa0) || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
