package io.lectern.server.catalog.internal.authoring;

import java.util.List;
import java.util.UUID;

/**
 * A section of a course's working copy with its lessons in order.
 *
 * @param id       section id
 * @param title    title
 * @param position place in the course
 * @param lessons  lessons in order
 */
public record DraftSection(UUID id, String title, int position, List<DraftLesson> lessons) {

    public DraftSection {
        lessons = List.copyOf(lessons);
    }
}
