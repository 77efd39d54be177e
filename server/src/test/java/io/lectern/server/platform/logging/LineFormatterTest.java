package io.lectern.server.platform.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Log lines: UTC time to the millisecond, padded level, logger, message; a stack trace below when there is one. */
class LineFormatterTest {

    @Test
    void oneLinePerRecordInUtc() {
        LogRecord r = new LogRecord(Level.INFO, "rid={0} status={1}");
        r.setParameters(new Object[] {"abc", 201});
        r.setLoggerName("io.lectern.access");
        r.setInstant(Instant.parse("2026-11-30T05:44:33.760Z"));
        assertEquals("2026-11-30T05:44:33.760Z INFO    io.lectern.access - rid=abc status=201" + System.lineSeparator(),
                new LineFormatter().format(r));
        r.setInstant(Instant.parse("2026-11-30T05:44:33Z"));
        assertTrue(new LineFormatter().format(r).startsWith("2026-11-30T05:44:33.000Z INFO    "));
    }

    @Test
    void anExceptionFollowsWithItsStackTrace() {
        LogRecord r = new LogRecord(Level.WARNING, "outbox delivery failed");
        r.setLoggerName("io.lectern.server.platform.events.OutboxDispatcher");
        r.setThrown(new IllegalStateException("boom"));
        String[] lines = new LineFormatter().format(r).split(System.lineSeparator());
        assertTrue(lines[0].endsWith("WARNING io.lectern.server.platform.events.OutboxDispatcher - outbox delivery failed"),
                lines[0]);
        assertEquals("java.lang.IllegalStateException: boom", lines[1]);
        assertTrue(lines[2].strip().startsWith("at io.lectern.server.platform.logging.LineFormatterTest"), lines[2]);
    }
}
