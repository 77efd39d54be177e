package io.lectern.model.catalog;

/**
 * A section's title, to create or rename it.
 *
 * @param title title (1–120)
 */
public record SectionInput(String title) {
}
