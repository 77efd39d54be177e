package io.lectern.server.catalog;

import io.helidon.dbclient.DbExecute;
import java.util.UUID;

/**
 * Whether a learner is enrolled in a course. The catalog asks it before opening lessons and accepting reviews;
 * commerce, which owns enrollments, supplies it through {@link CatalogService#useEnrollments}.
 */
@FunctionalInterface
public interface EnrollmentCheck {

    /** Until commerce plugs in, nobody is enrolled. */
    EnrollmentCheck NOBODY = (db, userId, courseId) -> false;

    /** Whether the learner is enrolled, read through {@code db} (the caller's transaction, when it has one). */
    boolean isEnrolled(DbExecute db, UUID userId, UUID courseId);
}
