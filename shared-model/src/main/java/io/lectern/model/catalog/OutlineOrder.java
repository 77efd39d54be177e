package io.lectern.model.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The whole outline in its new order: every section and every lesson of the course exactly once. Lessons may
 * move between sections.
 *
 * @param sections sections in order, each with its lessons in order
 */
public record OutlineOrder(List<Section> sections) {

    public OutlineOrder {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /**
     * One section's place.
     *
     * @param id        section id
     * @param lessonIds its lessons in order
     */
    public record Section(UUID id, List<UUID> lessonIds) {

        public Section {
            lessonIds = lessonIds == null ? List.of() : List.copyOf(lessonIds);
        }
    }
}
