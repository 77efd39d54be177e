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

    /** Learning's part of duplicating a course: quizzes, assignments and the certificate design (see CourseCopier). */
    public java.util.Map<UUID, UUID> copyCourse(io.helidon.dbclient.DbExecute tx, UUID from, UUID to,
                                                java.util.Map<UUID, UUID> lessons) {
        return core.copyCourse(tx, from, to, lessons);
    }

    /** What learning keeps about people (progress, notes, attempts, submissions, certificates): export, erasure. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return core.personalData();
    }

    /** Where learning uses a media item (handed-in assignments, certificate designs): media's deletion check. */
    public java.util.List<String> mediaUses(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        return core.mediaUses(tx, mediaId);
    }

    /** A learner's study seconds per course between two instants (commerce shares subscription revenue by them). */
    public java.util.Map<UUID, Long> studySeconds(UUID userId, java.time.Instant from, java.time.Instant to) {
        return core.studySeconds(userId, from, to);
    }

    /** Percent of required lessons a learner finished, per course (commerce's enrollment list shows it). */
    public java.util.Map<UUID, Integer> percents(UUID userId, java.util.Collection<UUID> courseIds) {
        return core.percents(userId, courseIds);
    }

    public Set<UUID> completedLessons(UUID userId, UUID courseId) {
        return core.completedLessons(userId, courseId);
    }
}
