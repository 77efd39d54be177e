package io.lectern.server.catalog.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Corrects a misspelt query word by word from the lexicon of published titles, subtitles, tags, categories and
 * instructor names, by trigram similarity (pg_trgm's {@code %} with its GIN index). Words the lexicon knows stay.
 */
final class SpellingCorrection {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;

    Optional<String> correct(DbExecute db, String query) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group());
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<String> corrected = new ArrayList<>();
        try (var rows = db.query("""
                SELECT w.input,
                       CASE WHEN length(w.input) >= 3 THEN (SELECT s.word FROM catalog.search_words s
                         WHERE s.word OPERATOR(catalog.%) w.input
                         ORDER BY catalog.similarity(s.word, w.input) DESC, s.word LIMIT 1) END AS best
                  FROM unnest(?::text[]) WITH ORDINALITY AS u(raw, n), LATERAL (SELECT catalog.fold(u.raw) AS input) w
                 ORDER BY u.n""", (Object) words.toArray(String[]::new))) {
            rows.forEach(r -> {
                String best = Rows.text(r, "best");
                corrected.add(best != null ? best : Rows.text(r, "input"));
            });
        }
        String result = String.join(" ", corrected);
        return result.equals(String.join(" ", words)) ? Optional.empty() : Optional.of(result);
    }
}
