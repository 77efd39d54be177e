package io.lectern.model.catalog;

/**
 * An admin's category change; on PATCH absent fields stay.
 *
 * @param slug     URL name (create only)
 * @param name     display name
 * @param position sort order
 */
public record CategoryInput(String slug, String name, Integer position) {
}
