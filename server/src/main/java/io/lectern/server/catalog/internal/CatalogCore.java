package io.lectern.server.catalog.internal;

import io.helidon.common.uri.UriQuery;
import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Subtitle;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.catalog.internal.authoring.Authoring;
import io.lectern.server.catalog.internal.authoring.CourseStaff;
import io.lectern.server.catalog.internal.authoring.DraftStore;
import io.lectern.server.catalog.internal.authoring.Duplication;
import io.lectern.server.catalog.internal.authoring.OutlineEditing;
import io.lectern.server.catalog.internal.authoring.OutlineStore;
import io.lectern.server.catalog.internal.authoring.StudioRoutes;
import io.lectern.server.catalog.internal.categories.CategoryAdmin;
import io.lectern.server.catalog.internal.categories.CategoryStore;
import io.lectern.server.catalog.internal.categories.CategoryRoutes;
import io.lectern.server.catalog.internal.lessons.LearnerChecks;
import io.lectern.server.catalog.internal.lessons.LessonAccess;
import io.lectern.server.catalog.internal.lessons.MediaUses;
import io.lectern.server.catalog.internal.pages.BrowseRoutes;
import io.lectern.server.catalog.internal.pages.CoursePages;
import io.lectern.server.catalog.internal.pages.InstructorDirectory;
import io.lectern.server.catalog.internal.publishing.Imports;
import io.lectern.server.catalog.internal.publishing.PublishedLesson;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
import io.lectern.server.catalog.internal.publishing.Publishing;
import io.lectern.server.catalog.internal.publishing.SnapshotStore;
import io.lectern.server.catalog.internal.reviews.ReviewStore;
import io.lectern.server.catalog.internal.reviews.ReviewRoutes;
import io.lectern.server.catalog.internal.reviews.Reviews;
import io.lectern.server.catalog.internal.search.CourseSearch;
import io.lectern.server.catalog.internal.search.FacetCube;
import io.lectern.server.catalog.internal.search.SearchFacetCounts;
import io.lectern.server.catalog.internal.search.SearchParams;
import io.lectern.server.catalog.internal.search.SpellingCorrection;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.redis.Broadcast;
import io.lectern.server.platform.db.RecordingExecute;
import io.lectern.server.platform.db.Sql;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.security.Principal;
import io.lectern.server.platform.security.RateLimiter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog module's insides, wired: repositories, authoring, publishing, search, pages, lessons, reviews and
 * their routes. {@link io.lectern.server.catalog.CatalogService} is the face other modules see.
 */
public final class CatalogCore {

    private final Database database;
    private final JobRunner jobs;
    private final DraftStore drafts = new DraftStore();
    private final OutlineStore outlines;
    private final CategoryStore categories = new CategoryStore();
    private final ReviewStore reviewStore = new ReviewStore();
    private final Publishing publishing;
    private final Imports imports;
    private final CourseSearch search;
    private final CoursePages pages;
    private final CatalogCaches caches;
    private final LearnerChecks learners = new LearnerChecks();
    private final SnapshotStore snapshots;
    private final PublishedStore published;
    private final List<Runnable> registrations;
    private final MediaUses mediaUses;
    private final LessonAccess lessonAccess;
    private final Duplication duplication;

    public CatalogCore(Database database, Clock clock, Ids idGen, Json json, EventBus events, JobRunner jobs,
                       Broadcast broadcast, RateLimiter limits, boolean trustForwardedFor,
                       IdentityService identity, AuditService audit, MediaService media,
                       ApiRoutes routes) {
        this.database = database;
        this.jobs = jobs;
        this.outlines = new OutlineStore(json.objectMapper());
        this.snapshots = new SnapshotStore();
        this.published = new PublishedStore(json.objectMapper(), outlines);
        this.caches = new CatalogCaches(clock, broadcast, new FacetCube(database, clock, json, CatalogCaches.TTL));
        CourseStaff staff = new CourseStaff(identity);
        LessonAccess lessons = new LessonAccess(database, clock, published, drafts, outlines, learners, identity);
        this.mediaUses = new MediaUses(database, lessons, media, identity);
        Authoring authoring = new Authoring(database, clock, idGen, drafts, outlines, categories, staff, mediaUses, "USD");
        this.publishing = new Publishing(database, clock, json, events, drafts, outlines, snapshots, categories, audit, caches);
        this.imports = new Imports(database, clock, idGen, publishing, drafts, outlines);
        Reviews reviews = new Reviews(database, clock, idGen, events, reviewStore, published, snapshots, learners,
                identity, audit, limits, caches);
        this.pages = new CoursePages(database, json, published, learners, caches);
        this.search = new CourseSearch(published, new SearchFacetCounts(categories, caches.cube(), clock),
                new SpellingCorrection());
        this.lessonAccess = lessons;
        this.duplication = new Duplication(clock, idGen, drafts, outlines, authoring);
        this.registrations = List.of(
                () -> new BrowseRoutes(database, json, search, pages, lessons, new InstructorDirectory(published),
                        caches).register(routes),
                () -> new StudioRoutes(json, trustForwardedFor, authoring, new OutlineEditing(database, clock, idGen,
                 drafts, outlines, mediaUses), publishing,
                        duplication).register(routes),
                () -> new ReviewRoutes(json, trustForwardedFor, reviews).register(routes),
                () -> new CategoryRoutes(json, trustForwardedFor, new CategoryAdmin(database, categories,
                 audit)).register(routes));
    }

    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new CatalogPersonalData(drafts, reviewStore, snapshots, caches);
    }

    public void useCourseCopier(io.lectern.server.catalog.CourseCopier copier) {
        duplication.useCopier(copier);
    }

    public void registerRoutes() {
        registrations.forEach(Runnable::run);
        jobs.every("catalog.refresh-instructor-directory", java.time.Duration.ofMinutes(5),
                this::rebuildInstructorDirectory);
    }

    /** Whether the caller may play a media item, and the subtitle tracks of the lesson that allows it. */
    public Optional<List<Subtitle>> mediaGrant(Optional<Principal> caller, UUID mediaId, UUID ownerId) {
        return mediaUses.grant(caller, mediaId, ownerId);
    }

    /** Where the catalog uses a media item (the media module refuses to delete it then). */
    public List<String> mediaUses(DbExecute tx, UUID mediaId) {
        return mediaUses.usesOf(tx, mediaId);
    }

    /** The published lessons of a course in course order (empty when it is not in the catalog). */
    public List<LessonFacts> lessonFacts(UUID courseId) {
        return lessonFacts(database.execute(), courseId);
    }

    public List<LessonFacts> lessonFacts(DbExecute db, UUID courseId) {
        return published.lessons(db, courseId).stream().map(CatalogCore::facts).toList();
    }

    public Optional<LessonFacts> lessonFactsOf(UUID lessonId) {
        return lessonFactsOf(database.execute(), lessonId);
    }

    public Optional<LessonFacts> lessonFactsOf(DbExecute db, UUID lessonId) {
        return published.lesson(db, lessonId).map(CatalogCore::facts);
    }

    /** A lesson as its authors see it now (draft), for modules that attach things to lessons. */
    public Optional<LessonFacts> draftLesson(UUID lessonId) {
        return outlines.lesson(database.execute(), lessonId).map(l -> new LessonFacts(l.id(), l.courseId(),
                l.title(), l.type(), l.durationSec(), l.required(), l.prerequisiteIds(),
                l.content() == null ? null : l.content().quizId(), l.content() == null ? null : l.content().mediaId()));
    }

    /** Statements outside a transaction, for facade methods the caller asks without one. */
    public DbExecute db() {
        return database.execute();
    }

    public boolean courseExists(DbExecute db, UUID courseId) {
        return drafts.find(db, courseId).isPresent();
    }

    /** Whether the caller owns or co-teaches the course (draft or published), or is an admin. */
    public boolean isCourseStaff(DbExecute db, Principal caller, UUID courseId) {
        return caller.isAdmin() || drafts.find(db, courseId).map(d -> d.isStaff(caller.userId())).orElse(false);
    }

    public List<UUID> staffIds(UUID courseId) {
        return drafts.find(database.execute(), courseId).map(OutlineEditing::staffIds).orElse(List.of());
    }

    /** Throws the lesson access refusal (sign in, enroll, finish prerequisites) unless the caller may open it. */
    public void requireLessonAccess(Principal caller, UUID lessonId) {
        lessonAccess.decide(Optional.of(caller), lessonId);
    }

    private static LessonFacts facts(PublishedLesson l) {
        return new LessonFacts(l.id(), l.courseId(), l.title(), l.type(), l.durationSec(), l.required(),
                l.prerequisiteIds(), l.content() == null ? null : l.content().quizId(),
                l.content() == null ? null : l.content().mediaId());
    }

    public LearnerChecks learners() {
        return learners;
    }

    public void ensureCategories(Map<String, String> slugToName) {
        database.doInTransaction(tx -> categories.upsertAll(tx, slugToName));
    }

    public Optional<CourseOffer> offer(UUID courseId) {
        return offer(database.execute(), courseId);
    }

    public Optional<CourseOffer> offer(DbExecute db, UUID courseId) {
        return published.course(db, courseId.toString()).map(c -> new CourseOffer(c.id(),
                c.summary().title(), c.status(), c.summary().pricing(), c.summary().price().amountMinor(),
                c.summary().price().currency(), c.ownerId(), c.instructorIds()));
    }

    public void adjustEnrollmentCounts(DbExecute tx, java.util.Map<UUID, Integer> deltas) {
        published.adjustEnrollmentCounts(tx, deltas);
    }

    public long publishedCount() {
        return published.publishedCount(database.execute());
    }

    /** The statements a first search page for {@code rawQuery} runs ({@code q=...&level=...}). */
    public List<Sql> searchStatements(String rawQuery) {
        List<Sql> statements = new java.util.ArrayList<>();
        search.search(RecordingExecute.wrap(database.execute(), statements), SearchParams.read(UriQuery.create(rawQuery)));
        return statements;
    }

    /** The statements an anonymous course page runs. */
    public List<Sql> coursePageStatements(String idOrSlug) {
        List<Sql> statements = new java.util.ArrayList<>();
        pages.page(RecordingExecute.wrap(database.execute(), statements), Optional.empty(), idOrSlug);
        return statements;
    }

    /** Creates whole courses from trusted data and publishes them, in one transaction; returns their ids. */
    public List<UUID> importPublished(List<CourseDraft> drafts, boolean refreshDirectory) {
        List<UUID> ids = imports.importPublished(drafts, refreshDirectory);
        caches.catalogChanged();
        return ids;
    }

    /** Refreshes every instructor's learner counts and ratings (a job runs this every few minutes). */
    public void rebuildInstructorDirectory() {
        database.doInTransaction(snapshots::rebuildDirectory);
    }
}
