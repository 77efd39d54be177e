package io.lectern.model.catalog;

import java.util.List;
import java.util.UUID;

/**
 * An instructor in the directory.
 *
 * @param id          user id
 * @param displayName name
 * @param courseCount published courses
 * @param topics      categories and tags they teach, most frequent first
 * @param rating      mean stars over their courses' reviews
 * @param learners    learners enrolled across their courses
 */
public record InstructorCard(UUID id, String displayName, int courseCount, List<String> topics, double rating,
                             long learners) {
}
