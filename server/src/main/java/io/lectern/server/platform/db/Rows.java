package io.lectern.server.platform.db;

import io.helidon.dbclient.DbRow;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /** A {@code text[]} column as a list (empty for NULL). */
    public static List<String> strings(DbRow row, String column) {
        return array(value(row, column)).stream().map(String::valueOf).toList();
    }

    /** A {@code uuid[]} column as a list (empty for NULL). */
    public static List<UUID> uuids(DbRow row, String column) {
        return array(value(row, column)).stream().map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString()))
                .toList();
    }

    /** A nullable integer column. */
    public static Integer integer(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : ((Number) value).intValue();
    }

    /** A numeric column as a double (0 for NULL). */
    public static double decimal(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /** JDBC parameter for a {@code text[]} column. */
    public static String[] textArray(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /** JDBC parameter for a {@code uuid[]} column: bind it as {@code ?::uuid[]}. */
    public static String[] uuidArray(Collection<UUID> values) {
        return values.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static List<Object> array(Object value) {
        if (value == null) {
            return List.of();
        }
        try {
            Object items = value instanceof Array a ? a.getArray() : value;
            return items instanceof Object[] arr ? Arrays.asList(arr) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read array column", e);
        }
    }

    /**
     * A whole row as JSON-ready values under camelCase names (data exports): times as ISO-8601 text, arrays as lists,
     * JSON columns and other database objects as their text.
     */
    public static java.util.Map<String, Object> map(DbRow row) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        row.forEach(column -> {
            Object v = column.get(Object.class);
            Object json = switch (v) {
                case null -> null;
                case Timestamp ts -> ts.toInstant().toString();
                case OffsetDateTime odt -> odt.toInstant().toString();
                case Number n -> n;
                case Boolean b -> b;
                case String s -> s;
                case UUID u -> u.toString();
                case Array a -> array(a).stream().map(String::valueOf).toList();
                default -> v.toString();
            };
            out.put(camel(column.name()), json);
        });
        return out;
    }

    /** Every row a query returns, each as {@link #map(DbRow)} makes it (data exports). */
    public static java.util.List<java.util.Map<String, Object>> maps(io.helidon.dbclient.DbExecute db, String sql,
                                                                     Object... params) {
        try (var rows = db.query(sql, params)) {
            return rows.map(Rows::map).toList();
        }
    }

    private static String camel(String name) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /** JDBC parameter for a {@code timestamptz} column. */
    public static OffsetDateTime param(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
