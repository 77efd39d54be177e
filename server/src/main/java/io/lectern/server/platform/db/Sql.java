package io.lectern.server.platform.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement built from fragments with its parameters kept beside the text, for queries whose filters vary.
 * Only fixed SQL text is ever appended; every value goes in as a parameter.
 */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql(String start, Object... params) {
        append(start, params);
    }

    public Sql append(String fragment, Object... values) {
        text.append(fragment);
        Collections.addAll(params, values);
        return this;
    }

    /** Appends another statement's text and parameters. */
    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public Object[] params() {
        return params.toArray();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
