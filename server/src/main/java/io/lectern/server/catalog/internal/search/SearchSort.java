package io.lectern.server.catalog.internal.search;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders a catalog search can come in, each with its keyset: the column compared for the next page and the
 * direction. Every order ends on the course id, so pages never repeat or skip a course.
 */
public enum SearchSort {
    RELEVANCE(null, "DESC", "real"),
    NEWEST("p.first_published_at", "DESC", "timestamptz"),
    RATING("p.rating_avg", "DESC", "numeric"),
    POPULARITY("p.enrollment_count", "DESC", "bigint"),
    PRICE_ASC("p.price_minor", "ASC", "bigint"),
    PRICE_DESC("p.price_minor", "DESC", "bigint");

    private final String column;
    private final String direction;
    private final String type;

    SearchSort(String column, String direction, String type) {
        this.column = column;
        this.direction = direction;
        this.type = type;
    }

    /** The sort key expression; relevance ranks against the query. */
    public String key(String rankExpression) {
        return this == RELEVANCE ? rankExpression : column;
    }

    public String direction() {
        return direction;
    }

    /** The SQL type a cursor's key is cast to. */
    public String type() {
        return type;
    }

    /** The keyset comparison that continues after a cursor. */
    public String after() {
        return "DESC".equals(direction) ? "<" : ">";
    }

    public static Optional<SearchSort> parse(String text) {
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
