package io.lectern.server.learning;

import io.lectern.server.learning.internal.LearningCore;
import java.util.Set;
import java.util.UUID;

/**
 * The learning module's facade: which lessons a learner completed (the catalog's prerequisite locks). Its events
 * are {@link LessonCompleted} and {@link CourseCompleted}.
 */
public final class LearningService {

    private final LearningCore core;

    LearningService(LearningCore core) {
        this.core = core;
    }

    /** Submits quiz attempts whose deadline has passed, with the answers saved so far. */
    public int submitOverdueAttempts() {
        return core.submitOverdueAttempts();
    }

    public Set<UUID> completedLessons(UUID userId, UUID courseId) {
        return core.completedLessons(userId, courseId);
    }
}
