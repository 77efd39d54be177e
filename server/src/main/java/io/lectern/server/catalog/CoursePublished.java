package io.lectern.server.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course (or a new version of it) became visible to learners.
 *
 * @param courseId      course
 * @param slug          URL name
 * @param title         title
 * @param version       published version (1 for the first publish)
 * @param instructorIds owner and co-instructors
 * @param lessonIds     lessons of this version in syllabus order
 * @param publishedAt   when
 */
public record CoursePublished(UUID courseId, String slug, String title, int version, List<UUID> instructorIds,
                              List<UUID> lessonIds, Instant publishedAt) {

    public CoursePublished {
        instructorIds = instructorIds == null ? List.of() : List.copyOf(instructorIds);
        lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
    }
}
