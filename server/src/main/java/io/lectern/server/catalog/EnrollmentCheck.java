package io.lectern.server.catalog;

import java.util.UUID;

/**
 * Whether a learner is enrolled in a course. The catalog asks it before opening lessons and accepting reviews;
 * commerce, which owns enrollments, supplies it through {@link CatalogService#useEnrollments}.
 */
@FunctionalInterface
public interface EnrollmentCheck {

    /** Until commerce plugs in, nobody is enrolled. */
    EnrollmentCheck NOBODY = (userId, courseId) -> false;

    boolean isEnrolled(UUID userId, UUID courseId);
}
