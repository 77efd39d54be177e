package io.lectern.server.catalog.internal.search;

import io.helidon.dbclient.DbExecute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Corrects a misspelt query word by word from the lexicon of published titles, subtitles, tags, categories and
 * instructor names. The GiST trigram index finds each word's nearest lexicon words quickly; of those, the one
 * fewest edits away wins (insertions, deletions, substitutions and swapped neighbours, so "pytohn" becomes
 * "python" rather than a word that merely shares more letters; a word the typed letters begin counts as one edit,
 * so "postgre" becomes "postgresql"). Words the lexicon knows, and words too far from any, stay as typed.
 */
public final class SpellingCorrection {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WORDS = 8;
    private static final int CANDIDATES = 12;

    private final SearchStore store = new SearchStore();

    public Optional<String> correct(DbExecute db, String query) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group());
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String> inputs = new LinkedHashMap<>();
        Map<Integer, List<String>> candidates = new LinkedHashMap<>();
        for (SearchStore.Candidate c : store.candidates(db, words, CANDIDATES)) {
            inputs.put(c.n(), c.input());
            if (c.word() != null) {
                candidates.computeIfAbsent(c.n(), k -> new ArrayList<>()).add(c.word());
            }
        }
        List<String> corrected = new ArrayList<>();
        inputs.forEach((n, input) -> corrected.add(best(input, candidates.getOrDefault(n, List.of()))));
        String result = String.join(" ", corrected);
        return result.equals(String.join(" ", inputs.values())) ? Optional.empty() : Optional.of(result);
    }

    /** The candidate fewest edits away, if close enough; the input itself when the lexicon has it. */
    public static String best(String input, List<String> candidates) {
        if (candidates.contains(input)) {
            return input;
        }
        int allowed = input.length() <= 4 ? 1 : input.length() <= 8 ? 2 : 3;
        return candidates.stream().min(Comparator.comparingInt((String c) -> distance(input, c)))
                .filter(c -> distance(input, c) <= allowed).orElse(input);
    }

    /** Edits from what was typed to a word; a word it begins (at least 4 letters typed) counts as one edit. */
    private static int distance(String input, String word) {
        if (input.length() >= 4 && word.startsWith(input)) {
            return 1;
        }
        return Math.abs(word.length() - input.length()) > 3 ? Integer.MAX_VALUE : edits(input, word);
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of two neighbouring letters. */
    public static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
