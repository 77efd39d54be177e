package io.lectern.server.learning.internal.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Scores one answer to one question; essays are left to a person (null). */
final class Grader {

    private Grader() {
    }

    /** Points earned, or null for an essay (manual grading). A missing or malformed answer earns nothing. */
    static Double points(Question q, JsonNode answer) {
        if (q.type().equals("ESSAY")) {
            return null;
        }
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return 0.0;
        }
        return q.points() * switch (q.type()) {
            case "SINGLE" -> answer.isTextual() && correctIds(q).equals(Set.of(answer.asText())) ? 1.0 : 0.0;
            case "MULTIPLE" -> multiple(q, answer);
            case "TRUE_FALSE" -> answer.isBoolean() && answer.asBoolean() == Boolean.TRUE.equals(q.correct()) ? 1 : 0;
            case "FILL_BLANK" -> answer.isTextual() && fillBlank(q, answer.asText()) ? 1.0 : 0.0;
            case "NUMERIC" -> answer.isNumber() && Math.abs(answer.asDouble() - q.numeric()) <= q.tolerance() ? 1 : 0;
            default -> 0.0;
        };
    }

    private static double multiple(Question q, JsonNode answer) {
        if (!answer.isArray()) {
            return 0;
        }
        Set<String> chosen = new HashSet<>();
        answer.forEach(a -> chosen.add(a.asText()));
        Set<String> right = correctIds(q);
        if (!q.partialCredit()) {
            return chosen.equals(right) ? 1 : 0;
        }
        long hits = chosen.stream().filter(right::contains).count();
        long misses = chosen.size() - hits;
        return right.isEmpty() ? 0 : Math.max(0, (hits - misses) / (double) right.size());
    }

    private static boolean fillBlank(Question q, String given) {
        String g = normalise(given, q.caseSensitive());
        return q.accepted().stream().anyMatch(a -> normalise(a, q.caseSensitive()).equals(g));
    }

    static String normalise(String s, boolean caseSensitive) {
        String collapsed = s.strip().replaceAll("\\s+", " ");
        return caseSensitive ? collapsed : collapsed.toLowerCase(Locale.ROOT);
    }

    static Set<String> correctIds(Question q) {
        Set<String> ids = new HashSet<>();
        List<Question.Choice> options = q.options() == null ? List.of() : q.options();
        options.stream().filter(Question.Choice::correct).forEach(c -> ids.add(c.id()));
        return ids;
    }
}
