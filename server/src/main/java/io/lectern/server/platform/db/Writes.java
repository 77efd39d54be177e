package io.lectern.server.platform.db;

import io.helidon.dbclient.DbExecute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes collected from several parts of a change and sent to PostgreSQL as <b>one statement</b>: each becomes a
 * data-modifying CTE ({@code WITH a AS (INSERT ...), b AS (UPDATE ...) SELECT 1}). One round trip instead of one per
 * write, and outside a transaction they commit or fail together, since a statement is atomic.
 *
 * <p>What PostgreSQL promises for such a statement, and so what parts may rely on: every part runs exactly once
 * and to completion, in no promised order, on the same snapshot. A part sees an earlier part's rows only through
 * that part's {@code RETURNING}, by name (so a name must be unique in the statement). Constraints and foreign keys are
 * checked when the whole statement ends, so a row may refer to one another part inserts. No two parts may change
 * the same row.
 */
public final class Writes {

    private record Part(String name, String sql, List<Object> params) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /**
     * Adds a write: an {@code INSERT}, {@code UPDATE} or {@code DELETE} (with {@code RETURNING} when a part added
     * later reads it as {@code name}), its {@code ?} parameters in order.
     */
    public Writes add(String name, String sql, Object... params) {
        if (!isName(name) || !names.add(name)) {
            throw new IllegalArgumentException("a write needs a new lower-case name: " + name);
        }
        parts.add(new Part(name, sql.strip(), Arrays.asList(params)));
        return this;
    }

    /** A lower-case SQL name: a letter, then letters, digits and underscores (checked on every sale: no regex). */
    private static boolean isName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** {@code prefix}, or {@code prefix_2}, {@code prefix_3} ... if taken: for a kind of write that may come twice. */
    public String freeName(String prefix) {
        String name = prefix;
        for (int i = 2; names.contains(name); i++) {
            name = prefix + "_" + i;
        }
        return name;
    }

    /** The statement, as sent. */
    public String sql() {
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            sql.append(i == 0 ? "" : ",\n     ").append(p.name()).append(" AS (").append(p.sql()).append(')');
        }
        return sql.append("\nSELECT 1").toString();
    }

    /**
     * Sends the writes as one statement through {@code db}: a transaction's, or {@link Database#execute()} for a
     * statement that is its own transaction. Nothing is sent when there are none.
     */
    public void run(DbExecute db) {
        if (parts.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        parts.forEach(p -> params.addAll(p.params()));
        // named, so the DB client does not hash the statement's text to name it on every run
        db.createNamedGet("writes", sql()).params(params).execute();
    }
}
