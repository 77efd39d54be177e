package io.lectern.desktop.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.desktop.core.i18n.Messages;
import io.lectern.model.common.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's refusals in the learner's language, filled from the problem's context; its own words otherwise. */
class ProblemTextTest {

    private static final String SHORT = "Your wallet is short by 12.00 USD; top it up or redeem a voucher first.";

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void refusalsAreTranslatedFromTheirCodeAndContext() {
        Map<String, Object> wallet = Map.of("shortfallMinor", 1200, "currency", "USD", "balanceMinor", 0);
        assertEquals(SHORT, ProblemText.of("wallet.insufficient_funds", SHORT, wallet), "English: the server's words");
        Messages.use(Locale.GERMAN);
        assertEquals("Ihrem Guthaben fehlen 12,00 USD; laden Sie es auf oder lösen Sie zuerst einen Gutschein ein.",
                new ApiError(new ApiProblem(null, "Payment Required", 402, SHORT, "wallet.insufficient_funds", null,
                        List.of(), wallet)).getMessage());
        assertEquals("Schließen Sie zuerst “Lenses”, “Light” ab.", ProblemText.of("lesson.locked", "Finish …",
                Map.of("missingPrerequisites", List.of(Map.of("id", "1", "title", "Lenses"), Map.of("id", "2",
                        "title", "Light")))));
        Messages.use(Locale.forLanguageTag("es"));
        assertEquals("Has usado los 3 intentos de este cuestionario.", ProblemText.of("quiz.attempts_exhausted",
                "You have used all 3 attempts of this quiz.", Map.of("maxAttempts", 3)));
        assertEquals("Something new.", ProblemText.of("brand.new_code", "Something new.", Map.of()), "no translation");
        assertEquals(SHORT, ProblemText.of("wallet.insufficient_funds", SHORT, Map.of()), "context missing");
        assertEquals("Detail", ProblemText.of(null, "Detail", null));
    }
}
