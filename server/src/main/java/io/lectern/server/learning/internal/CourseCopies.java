package io.lectern.server.learning.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.learning.internal.assignment.AssignmentStore;
import io.lectern.server.learning.internal.certificate.CertificateStore;
import io.lectern.server.learning.internal.quiz.QuizStore;
import io.lectern.server.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Learning's part of duplicating a course (the catalog's {@link io.lectern.server.catalog.CourseCopier}): each quiz of
 * the course with its questions and settings under a new id, each assignment under its lesson's new id with its
 * settings and rubric, and the certificate design. Learners' attempts, submissions and certificates stay with the
 * original.
 */
final class CourseCopies {

    private final Ids ids;
    private final Clock clock;
    private final QuizStore quizzes;
    private final AssignmentStore assignments;
    private final CertificateStore certificates;

    CourseCopies(Ids ids, Clock clock, QuizStore quizzes, AssignmentStore assignments, CertificateStore certificates) {
        this.ids = ids;
        this.clock = clock;
        this.quizzes = quizzes;
        this.assignments = assignments;
        this.certificates = certificates;
    }

    /** Copies course {@code from}'s learning parts into {@code to}; returns each original quiz's id to its copy's. */
    Map<UUID, UUID> copy(DbExecute tx, UUID from, UUID to, Map<UUID, UUID> lessons) {
        Map<UUID, UUID> copies = new LinkedHashMap<>();
        quizzes.idsOfCourse(tx, from).forEach(id -> copies.put(id, ids.next()));
        Instant now = clock.instant();
        if (!copies.isEmpty()) {
            quizzes.copyToCourse(tx, to, copies, now);
        }
        if (!lessons.isEmpty()) {
            assignments.copyToCourse(tx, to, lessons, now);
        }
        certificates.copyTemplate(tx, from, to, now);
        return copies;
    }
}
