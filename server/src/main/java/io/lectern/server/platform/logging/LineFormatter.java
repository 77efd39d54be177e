package io.lectern.server.platform.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per log record: {@code 2026-11-30T05:44:33.760Z INFO    logger.name - message}, then the stack trace of
 * an exception, if any. It replaces {@code SimpleFormatter}, which parses its format string and walks the stack to
 * find the caller on every record: with one access-log line per request, that was 6 % of the server's CPU under
 * load.
 */
public final class LineFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        TIME.formatTo(record.getInstant(), line);
        String level = record.getLevel().getName();
        line.append(' ').append(level).repeat(' ', Math.max(1, 8 - level.length()))
                .append(record.getLoggerName()).append(" - ").append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                out.println();
                record.getThrown().printStackTrace(out);
            }
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
