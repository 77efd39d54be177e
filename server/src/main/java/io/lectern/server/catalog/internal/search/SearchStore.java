package io.lectern.server.catalog.internal.search;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the catalog's searches over {@code catalog.published_courses} (statements that {@link CourseSearch},
 * {@link SearchRequest} and {@link FacetCube} build from a request) and reads the spelling lexicon
 * ({@code catalog.search_words}).
 */
final class SearchStore {

    /**
     * A lexicon candidate for a typed word.
     *
     * @param n     the word's position (from 1)
     * @param input the word as typed, folded
     * @param word  a lexicon word near it, or null
     */
    record Candidate(int n, String input, String word) {
    }

    /** Runs a search statement built from a request, row by row. */
    void rows(DbExecute db, Sql search, Consumer<DbRow> each) {
        try (var rows = db.query(search.text(), search.params())) {
            rows.forEach(each);
        }
    }

    /** Runs a statement that counts into cells ({@link FacetCube#CELLS_AS_JSON}); returns its JSON. */
    String cells(DbExecute db, Sql counting) {
        return db.get(counting.text(), counting.params()).map(r -> Rows.text(r, "cells")).orElseThrow();
    }

    /** Every published course counted into cells, as JSON ({@link FacetCube#CELLS_AS_JSON}). */
    String catalogCells(DbExecute db) {
        return db.get(FacetCube.CELLS_AS_JSON + " FROM (" + """
                SELECT category AS cell_category, level AS cell_level, language AS cell_language,
                       pricing AS cell_pricing, floor(rating_avg * 10)::int * 10 AS cell_rating, count(*) AS n
                  FROM catalog.published_courses WHERE status = 'PUBLISHED'
                 GROUP BY 1, 2, 3, 4, 5) c""").map(r -> Rows.text(r, "cells")).orElseThrow();
    }

    /** Up to {@code limit} lexicon words nearest each typed word of 3 letters or more, by trigram distance. */
    List<Candidate> candidates(DbExecute db, List<String> words, int limit) {
        try (var rows = db.query("""
                SELECT u.n, w.input, c.word
                  FROM unnest(?::text[]) WITH ORDINALITY AS u(raw, n)
                 CROSS JOIN LATERAL (SELECT catalog.fold(u.raw) AS input) w
                  LEFT JOIN LATERAL (SELECT s.word FROM catalog.search_words s
                                      ORDER BY s.word OPERATOR(catalog.<->) w.input LIMIT ?) c ON length(w.input) >= 3
                 ORDER BY u.n""", words.toArray(String[]::new), limit)) {
            return rows.map(r -> new Candidate((int) Rows.number(r, "n"), Rows.text(r, "input"),
                    Rows.text(r, "word"))).toList();
        }
    }
}
