/**
 * Catalog: categories, courses, sections and lessons (schema {@code catalog}). Public face:
 * {@link io.lectern.server.catalog.CatalogService} and the {@link io.lectern.server.catalog.CoursePublished}
 * event. Authoring, search and reviews grow here with the catalog issue.
 */
package io.lectern.server.catalog;
