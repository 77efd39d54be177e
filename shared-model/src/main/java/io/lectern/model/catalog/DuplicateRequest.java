package io.lectern.model.catalog;

/**
 * Options for duplicating a course; the body may be omitted.
 *
 * @param title title of the copy (default "Copy of …")
 * @param slug  URL name of the copy (default generated from the title)
 */
public record DuplicateRequest(String title, String slug) {
}
