package io.lectern.server.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * Which lessons of a course a learner has finished, for prerequisite locks. Learning, which owns progress,
 * supplies it through {@link CatalogService#useCompletions}.
 */
@FunctionalInterface
public interface CompletionCheck {

    /** Until learning plugs in, nothing is finished. */
    CompletionCheck NOTHING = (userId, courseId) -> Set.of();

    Set<UUID> completedLessons(UUID userId, UUID courseId);
}
