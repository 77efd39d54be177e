package io.lectern.server.catalog;

import io.lectern.server.catalog.internal.CatalogCore;
import io.lectern.server.platform.http.ApiException;
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

    /** What the catalog keeps about people (reviews, replies, reports, courses taught): exported, erased. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return core.personalData();
    }

    /** Learning copies its part of a course when the course is duplicated. */
    public void useCourseCopier(CourseCopier copier) {
        core.useCourseCopier(copier);
    }

    /** Learning answers which lessons a learner finished (prerequisite locks). */
    public void useCompletions(CompletionCheck check) {
        core.learners().useCompletions(check);
    }

    /**
     * Whether the caller may play a media item (the media module's playback check): a course thumbnail, or media
     * of a lesson the caller may open, in a course its uploader {@code ownerId} teaches; with the subtitle tracks of
     * that lesson.
     */
    public Optional<java.util.List<io.lectern.model.catalog.Subtitle>> mediaGrant(
            Optional<io.lectern.server.platform.security.Principal> caller, UUID mediaId, UUID ownerId) {
        return core.mediaGrant(caller, mediaId, ownerId);
    }

    /** Where the catalog uses a media item: lessons and course thumbnails, in words (media's deletion check). */
    public java.util.List<String> mediaUses(DbExecute tx, UUID mediaId) {
        return core.mediaUses(tx, mediaId);
    }

    /** The published lessons of a course, in course order (learning: percentages, next lesson). */
    public java.util.List<LessonFacts> lessons(UUID courseId) {
        return core.lessonFacts(courseId);
    }

    /** The same, read with the caller's transaction (a second connection inside it could stall the pool). */
    public java.util.List<LessonFacts> lessons(DbExecute tx, UUID courseId) {
        return core.lessonFacts(tx, courseId);
    }

    /** One published lesson's facts. */
    public Optional<LessonFacts> lesson(UUID lessonId) {
        return core.lessonFactsOf(lessonId);
    }

    /** The same, read with the caller's transaction. */
    public Optional<LessonFacts> lesson(DbExecute tx, UUID lessonId) {
        return core.lessonFactsOf(tx, lessonId);
    }

    /**
     * Throws the same refusal as opening the lesson would (sign in, enroll, finish the prerequisites first) unless
     * the caller may study it.
     */
    public void requireLessonAccess(io.lectern.server.platform.security.Principal caller, UUID lessonId) {
        core.requireLessonAccess(caller, lessonId);
    }

    /** A lesson as its authors see it now (it may not be published yet). */
    public Optional<LessonFacts> draftLesson(UUID lessonId) {
        return core.draftLesson(lessonId);
    }

    /** Whether the caller owns or co-teaches the course (also while it is a draft), or is an admin. */
    public boolean isDraftStaff(io.lectern.server.platform.security.Principal caller, UUID courseId) {
        return core.isCourseStaff(core.db(), caller, courseId);
    }

    /** The same, read with the caller's transaction. */
    public boolean isDraftStaff(DbExecute tx, io.lectern.server.platform.security.Principal caller, UUID courseId) {
        return core.isCourseStaff(tx, caller, courseId);
    }

    /**
     * For what only a course's staff may do: 404 when the course does not exist, 403 with the given reason when
     * the caller neither owns nor co-teaches it (as it stands now, draft or published) and is not an admin.
     */
    public void requireCourseStaff(io.lectern.server.platform.security.Principal caller, UUID courseId,
                                   String forbiddenReason) {
        requireCourseStaff(core.db(), caller, courseId, forbiddenReason);
    }

    /** The same, read with the caller's transaction. */
    public void requireCourseStaff(DbExecute tx, io.lectern.server.platform.security.Principal caller, UUID courseId,
                                   String forbiddenReason) {
        if (!core.courseExists(tx, courseId)) {
            throw ApiException.notFound("This course");
        }
        if (!core.isCourseStaff(tx, caller, courseId)) {
            throw new ApiException(403, "auth.forbidden", forbiddenReason);
        }
    }

    /** The owner and co-instructors of a course as it stands now (draft or published); empty when there is none. */
    public java.util.List<UUID> staffIds(UUID courseId) {
        return core.staffIds(courseId);
    }

    /** Whether the caller may study a course: enrolled (commerce says), staff of it, or an admin. */
    public boolean mayStudy(io.lectern.server.platform.security.Principal caller, UUID courseId) {
        return mayStudy(core.db(), caller, courseId);
    }

    /** The same, read with the caller's transaction. */
    public boolean mayStudy(DbExecute tx, io.lectern.server.platform.security.Principal caller, UUID courseId) {
        return caller.isAdmin() || offer(tx, courseId).map(o -> o.isStaff(caller.userId())).orElse(false)
                || core.learners().enrolled(tx, caller.userId(), courseId);
    }

    /** Adds categories that do not exist yet (slug → name). */
    public void ensureCategories(Map<String, String> categories) {
        core.ensureCategories(categories);
    }

    /**
     * Creates and publishes many courses from trusted data (imports, benchmarks) in one transaction, with a few
     * set-based statements per table; returns their ids in order. Slugs must be free. The instructor directory is
     * left alone: call {@link #rebuildInstructorDirectory()} after the last batch.
     */
    public java.util.List<UUID> importPublished(java.util.List<CourseDraft> drafts) {
        return core.importPublished(drafts, false);
    }

    /** Recomputes the whole instructor directory from the published courses (after a bulk import). */
    public void rebuildInstructorDirectory() {
        core.rebuildInstructorDirectory();
    }

    /** The published terms of a course, if it was ever published (archived ones included). */
    public Optional<CourseOffer> offer(UUID courseId) {
        return core.offer(courseId);
    }

    /** The same, read with the caller's transaction (a second connection inside it could stall the pool). */
    public Optional<CourseOffer> offer(DbExecute tx, UUID courseId) {
        return core.offer(tx, courseId);
    }

    /**
     * Counts enrollments on the course cards, each course's by its delta, in one statement in the caller's
     * transaction (an outbox delivery). Course pages and cards show it within their cache's time to live; instructors'
     * learner totals follow with the directory job.
     */
    public void adjustEnrollmentCounts(DbExecute tx, java.util.Map<UUID, Integer> deltas) {
        core.adjustEnrollmentCounts(tx, deltas);
    }

    /**
     * The SQL statements (text and parameters) a first page of the search {@code rawQuery} runs, so a benchmark can
     * run the very same SQL bare over JDBC beside the server.
     */
    public java.util.List<io.lectern.server.platform.db.Sql> searchStatements(String rawQuery) {
        return core.searchStatements(rawQuery);
    }

    /** The SQL statements an anonymous visitor's course page runs, for the same comparison. */
    public java.util.List<io.lectern.server.platform.db.Sql> coursePageStatements(String idOrSlug) {
        return core.coursePageStatements(idOrSlug);
    }

    public long publishedCount() {
        return core.publishedCount();
    }
}
