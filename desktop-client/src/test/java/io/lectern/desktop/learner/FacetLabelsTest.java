package io.lectern.desktop.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.desktop.core.i18n.Messages;
import io.lectern.model.catalog.FacetCount;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Filter values are named in the app's language; admin-named categories stay as the server sends them. */
class FacetLabelsTest {

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void valuesAreNamedInTheChosenLanguage() {
        assertEquals("4.5 stars & up", CatalogViewModel.label("minRating", new FacetCount("4.5", "4.5 stars & up", 3)));
        assertEquals("Beginner", CatalogViewModel.label("level", new FacetCount("BEGINNER", "Beginner", 3)));
        assertEquals("German", CatalogViewModel.label("language", new FacetCount("de", "German", 3)));
        Messages.use(Locale.GERMAN);
        assertEquals("Ab 4,5 Sternen", CatalogViewModel.label("minRating", new FacetCount("4.5", "4.5 stars & up", 3)));
        assertEquals("Mittelstufe", CatalogViewModel.label("level", new FacetCount("INTERMEDIATE", "Intermediate", 1)));
        assertEquals("Kostenlos", CatalogViewModel.label("price", new FacetCount("free", "Free", 1)));
        assertEquals("Deutsch", CatalogViewModel.label("language", new FacetCount("de", "German", 3)));
        assertEquals("Watercolour", CatalogViewModel.label("category", new FacetCount("art", "Watercolour", 1)));
        assertEquals("Odd", CatalogViewModel.label("level", new FacetCount("EXPERT", "Odd", 1)), "unknown: as sent");
    }
}
