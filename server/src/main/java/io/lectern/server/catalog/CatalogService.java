package io.lectern.server.catalog;

import io.lectern.server.catalog.internal.CatalogCore;
import io.helidon.dbclient.DbExecute;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog module's facade. Other modules plug in what the catalog needs to know about learners
 * ({@link #useEnrollments}, {@link #useCompletions}); seeding and imports create whole published courses.
 * Everything else the catalog offers is its HTTP API and its events ({@link CoursePublished},
 * {@link CourseArchived}, {@link LessonAdded}, {@link ReviewPosted}).
 */
public final class CatalogService {

    private final CatalogCore core;

    CatalogService(CatalogCore core) {
        this.core = core;
    }

    /** Commerce answers whether a learner is enrolled (lesson access, reviews, archived course pages). */
    public void useEnrollments(EnrollmentCheck check) {
        core.learners().useEnrollments(check);
    }

    /** Learning answers which lessons a learner finished (prerequisite locks). */
    public void useCompletions(CompletionCheck check) {
        core.learners().useCompletions(check);
    }

    /** Adds categories that do not exist yet (slug → name). */
    public void ensureCategories(Map<String, String> categories) {
        core.ensureCategories(categories);
    }

    /** Creates a course with its outline from trusted data (demo seed) and publishes it, in one transaction. */
    public UUID createPublished(CourseDraft draft) {
        return core.createPublished(draft);
    }

    /** The published terms of a course, if it was ever published (archived ones included). */
    public Optional<CourseOffer> offer(UUID courseId) {
        return core.offer(courseId);
    }

    /** Counts enrollments on the course card; called inside the caller's transaction (an outbox delivery). */
    public void adjustEnrollmentCount(DbExecute tx, UUID courseId, int delta) {
        core.adjustEnrollmentCount(tx, courseId, delta);
    }

    public long publishedCount() {
        return core.publishedCount();
    }
}
