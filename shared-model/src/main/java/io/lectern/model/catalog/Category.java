package io.lectern.model.catalog;

/**
 * A catalog category.
 *
 * @param slug        stable URL name
 * @param name        display name
 * @param position    sort order
 * @param courseCount published courses in it
 */
public record Category(String slug, String name, int position, long courseCount) {
}
