package io.lectern.server.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A course became visible in the catalog.
 *
 * @param courseId    course
 * @param slug        URL name
 * @param title       title
 * @param publishedAt when
 */
public record CoursePublished(UUID courseId, String slug, String title, Instant publishedAt) {
}
