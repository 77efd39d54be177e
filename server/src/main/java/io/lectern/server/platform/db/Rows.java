package io.lectern.server.platform.db;

import io.helidon.dbclient.DbRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Typed reads from a {@link DbRow}, so repositories never juggle JDBC's date and UUID types. */
public final class Rows {

    private Rows() {
    }

    /** The raw column value, or null for SQL NULL. */
    public static Object value(DbRow row, String column) {
        return row.column(column).get(Object.class);
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    public static String text(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : value.toString();
    }

    public static long number(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static boolean flag(DbRow row, String column) {
        return Boolean.TRUE.equals(value(row, column));
    }

    public static Instant instant(DbRow row, String column) {
        Object value = value(row, column);
        return switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a timestamp: " + column);
        };
    }

    /** JDBC parameter for a {@code timestamptz} column. */
    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
