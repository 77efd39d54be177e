package io.lectern.server.catalog.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Pricing;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.security.RateLimiter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog module's insides, wired: repositories, authoring, publishing, search, pages, lessons, reviews and
 * their routes. {@link io.lectern.server.catalog.CatalogService} is the face other modules see.
 */
public final class CatalogCore {

    private final Platform platform;
    private final DraftRepository drafts = new DraftRepository();
    private final OutlineRepository outlines;
    private final CategoryRepository categories = new CategoryRepository();
    private final Publishing publishing;
    private final LearnerChecks learners = new LearnerChecks();
    private final SnapshotRepository snapshots;
    private final PublishedRepository published;
    private final List<Runnable> registrations;

    public CatalogCore(Platform platform, IdentityService identity, AuditService audit, ApiRoutes routes) {
        this.platform = platform;
        this.outlines = new OutlineRepository(platform.json().objectMapper());
        this.snapshots = new SnapshotRepository();
        this.published = new PublishedRepository(platform.json().objectMapper(), outlines);
        CourseStaff staff = new CourseStaff(identity);
        Authoring authoring = new Authoring(platform, drafts, outlines, categories, staff, "USD");
        this.publishing = new Publishing(platform, drafts, outlines, snapshots, categories, audit);
        RateLimiter limits = new RateLimiter(platform.redis(), platform.config().auth().rateLimitFactor());
        Reviews reviews = new Reviews(platform, new ReviewRepository(), published, snapshots, learners, identity, audit,
                limits);
        CourseSearch search = new CourseSearch(published, new SearchFacetCounts(categories), new SpellingCorrection());
        LessonAccess lessons = new LessonAccess(platform, published, drafts, outlines, learners, identity);
        this.registrations = List.of(
                () -> new BrowseRoutes(platform, search, new CoursePages(platform, published, learners), lessons,
                        categories, new InstructorDirectory(published)).register(routes),
                () -> new StudioRoutes(platform, authoring, new OutlineEditing(platform, drafts, outlines), publishing,
                        new Duplication(platform, drafts, outlines, authoring)).register(routes),
                () -> new ReviewRoutes(platform, reviews).register(routes),
                () -> new CategoryRoutes(platform, new CategoryAdmin(platform, categories, audit)).register(routes));
    }

    public void registerRoutes() {
        registrations.forEach(Runnable::run);
    }

    public LearnerChecks learners() {
        return learners;
    }

    public void ensureCategories(Map<String, String> slugToName) {
        platform.db().doInTransaction(tx -> categories.upsertAll(tx, slugToName));
    }

    public Optional<CourseOffer> offer(UUID courseId) {
        return published.course(platform.db().execute(), courseId.toString()).map(c -> new CourseOffer(c.id(),
                c.summary().title(), c.status(), c.summary().pricing(), c.summary().price().amountMinor(),
                c.summary().price().currency(), c.ownerId(), c.instructorIds()));
    }

    public void adjustEnrollmentCount(DbExecute tx, UUID courseId, int delta) {
        tx.update("UPDATE catalog.published_courses SET enrollment_count = greatest(0, enrollment_count + ?) "
                + "WHERE course_id = ?", delta, courseId);
        published.course(tx, courseId.toString()).ifPresent(c -> c.instructors()
                .forEach(i -> snapshots.refreshInstructor(tx, i.id(), null)));
    }

    public long publishedCount() {
        return platform.db().execute().get("SELECT count(*) AS n FROM catalog.published_courses WHERE status = 'PUBLISHED'")
                .map(r -> Rows.number(r, "n")).orElse(0L);
    }

    /** Creates a whole course from trusted data and publishes it, in one transaction. */
    public UUID createPublished(CourseDraft d) {
        return platform.db().inTransaction(tx -> {
            Instant now = platform.clock().instant();
            UUID id = platform.ids().next();
            UUID owner = d.instructors().getFirst().userId();
            List<InstructorRef> instructors = d.instructors().stream()
                    .map(i -> new InstructorRef(i.userId(), i.displayName(), i.userId().equals(owner))).toList();
            drafts.insert(tx, new DraftCourse(id, d.slug(), d.title(), d.subtitle(), d.description(), d.category(),
                    List.of(), d.level() == null ? CourseLevel.BEGINNER : d.level(), d.language(),
                    d.priceMinor() > 0 ? Pricing.ONE_TIME : Pricing.FREE, d.priceMinor(), d.currency(), null, owner,
                    instructors, CourseStatus.DRAFT, 1, null, 0, now, null), now);
            for (CourseDraft.Section s : d.sections()) {
                UUID sectionId = outlines.addSection(tx, platform.ids().next(), id, s.title());
                for (CourseDraft.Lesson l : s.lessons()) {
                    LessonType type = LessonType.valueOf(l.type());
                    LessonContent content = LessonRules.forType(type, new LessonContent(null, List.of(), l.body(), null,
                            l.body(), null, null));
                    outlines.insertLesson(tx, new DraftLesson(platform.ids().next(), id, sectionId, l.title(), type, 0,
                            l.durationSec(), l.preview(), true, content, List.of()));
                }
            }
            publishing.publishTrusted(tx, id);
            return id;
        });
    }
}
