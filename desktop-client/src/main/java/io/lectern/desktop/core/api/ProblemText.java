package io.lectern.desktop.core.api;

import io.lectern.desktop.core.i18n.MoneyText;
import io.lectern.desktop.core.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the server refused, in the learner's language. The server explains in English ({@code detail}); for the
 * problems a learner meets, the app has its own translation under {@code problem.<code>}, filled from the
 * problem's {@code context} (the missing amount, the lessons to finish first). In English, or for a code without
 * a translation, the server's own words are shown.
 */
public final class ProblemText {

    private ProblemText() {
    }

    public static String of(String code, String detail, Map<String, Object> context) {
        String key = "problem." + code;
        if (code == null || Messages.locale().getLanguage().equals(Locale.ENGLISH.getLanguage()) || !Messages.has(key)) {
            return detail;
        }
        Map<String, Object> facts = context == null ? Map.of() : context;
        try {
            return switch (code) {
                case "wallet.insufficient_funds" -> Messages.tr(key, MoneyText.of(number(facts, "shortfallMinor"),
                        String.valueOf(facts.get("currency"))));
                case "quiz.attempts_exhausted" -> Messages.tr(key, number(facts, "maxAttempts"));
                case "lesson.locked" -> Messages.tr(key, titles(facts.get("missingPrerequisites")));
                default -> Messages.tr(key);
            };
        } catch (RuntimeException e) {
            return detail; // the context is not as expected: the server's words
        }
    }

    private static long number(Map<String, Object> facts, String name) {
        return ((Number) facts.get(name)).longValue();
    }

    private static String titles(Object lessons) {
        return String.join(", ", ((List<?>) lessons).stream()
                .map(l -> "“" + ((Map<?, ?>) l).get("title") + "”").toList());
    }
}
