package io.lectern.server.catalog.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingCorrectionTest {

    @ParameterizedTest
    @CsvSource({"pytohn, python", "execl, excel", "yoag, yoga", "kernle, kernel", "pythn, python",
        "guitarr, guitar", "xylophone, xylophone", "excel, excel"})
    void picksTheCandidateFewestEditsAway(String typed, String expected) {
        List<String> nearestByTrigrams = List.of("exercises", "excel", "python", "pythonic", "yoga", "kernel",
                "guitar", "yogurt", "xylem");
        assertEquals(expected, SpellingCorrection.best(typed, nearestByTrigrams));
    }

    @ParameterizedTest
    @CsvSource({"abc, abc, 0", "abc, acb, 1", "kitten, sitting, 3", "python, pytohn, 1", "ab, '', 2"})
    void countsEditsWithSwaps(String a, String b, int edits) {
        assertEquals(edits, SpellingCorrection.edits(a, b));
    }
}
