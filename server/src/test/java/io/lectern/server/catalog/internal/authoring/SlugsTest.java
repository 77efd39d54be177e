package io.lectern.server.catalog.internal.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @ParameterizedTest
    @CsvSource({"'Crème Brûlée: Basics!', creme-brulee-basics", "'  SQL -- for   Analysts ', sql-for-analysts",
        "'Straße', strasse", "'日本語', course", "'C#', c-course", "'Go', go-course"})
    void titlesBecomeUrlNames(String title, String slug) {
        assertEquals(slug, Slugs.fromTitle(title));
    }

    @Test
    void longTitlesAreCutAndNumberedSlugsStayValid() {
        String slug = Slugs.fromTitle("word ".repeat(40));
        assertTrue(Slugs.valid(slug), slug);
        assertTrue(Slugs.valid(Slugs.numbered(slug, 12)));
    }

    @Test
    void typedSlugsAreChecked() {
        assertTrue(Slugs.valid("intro-to-sql"));
        assertFalse(Slugs.valid("Intro"));
        assertFalse(Slugs.valid("a--b"));
        assertFalse(Slugs.valid("-ab"));
        assertFalse(Slugs.valid("ab"));
    }
}
