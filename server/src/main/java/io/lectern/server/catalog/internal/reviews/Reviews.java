package io.lectern.server.catalog.internal.reviews;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.AbuseReport;
import io.lectern.model.catalog.ReportedReview;
import io.lectern.model.catalog.ReviewInput;
import io.lectern.model.catalog.ReviewModeration;
import io.lectern.model.catalog.ReviewView;
import io.lectern.model.common.Page;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.ReviewPosted;
import io.lectern.server.catalog.internal.CatalogCaches;
import io.lectern.server.catalog.internal.lessons.LearnerChecks;
import io.lectern.server.catalog.internal.publishing.PublishedCourse;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
import io.lectern.server.catalog.internal.publishing.SnapshotStore;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import io.lectern.server.platform.security.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reviews: one per enrolled learner and course (editable), instructor replies, abuse reports and admin hiding.
 * Every change recomputes the course's rating summary in the same transaction, under a lock on the course, so the
 * summary always equals its visible reviews.
 */
public final class Reviews {

    static final RateLimiter.Limit WRITES = new RateLimiter.Limit("review-write", 20, Duration.ofHours(1),
            "review.rate_limited");
    static final RateLimiter.Limit REPORTS = new RateLimiter.Limit("review-report", 20, Duration.ofHours(1),
            "review.rate_limited");
    private static final Set<String> REASONS = Set.of("spam", "offensive", "off_topic", "other");

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final EventBus events;
    private final ReviewStore reviews;
    private final PublishedStore published;
    private final SnapshotStore snapshots;
    private final LearnerChecks learners;
    private final IdentityService identity;
    private final AuditService audit;
    private final RateLimiter limits;
    private final CatalogCaches caches;

    public Reviews(Database database, Clock clock, Ids ids, EventBus events, ReviewStore reviews,
                   PublishedStore published, SnapshotStore snapshots,
            LearnerChecks learners, IdentityService identity, AuditService audit, RateLimiter limits,
            CatalogCaches caches) {
        this.caches = caches;
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.reviews = reviews;
        this.published = published;
        this.snapshots = snapshots;
        this.learners = learners;
        this.identity = identity;
        this.audit = audit;
        this.limits = limits;
    }

    public ReviewView post(Principal p, String courseKey, ReviewInput in) {
        check(in, true);
        DbExecute db = database.execute();
        PublishedCourse c = published.course(db, courseKey).orElseThrow(() -> ApiException.notFound("This course"));
        if (c.isStaff(p.userId())) {
            throw new ApiException(403, "review.own_course", "Instructors cannot review their own course.");
        }
        if (!learners.enrolled(db, p.userId(), c.id())) {
            throw new ApiException(403, "review.enrollment_required", "Enroll in this course to review it.")
                    .with("courseId", c.id());
        }
        limits.consume(WRITES, p.userId().toString());
        String name = identity.findById(p.userId()).map(u -> u.displayName()).orElse("Learner");
        UUID id = ids.next();
        try {
            database.doInTransaction(tx -> {
                reviews.lockCourse(tx, c.id());
                Instant now = clock.instant();
                reviews.insert(tx, id, c.id(), p.userId(), name, in.rating(), body(in), now);
                ratingsChanged(tx, c);
                events.publish(tx, new ReviewPosted(id, c.id(), p.userId(), in.rating(), now));
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "reviews_one_per_author")) {
                UUID existing = reviews.byAuthor(database.execute(), c.id(), p.userId()).map(r -> r.view().id())
                        .orElse(null);
                throw new ApiException(409, "review.exists", "You already reviewed this course; edit that review.")
                        .with("reviewId", existing);
            }
            throw e;
        }
        caches.ratingChanged(c.id());
        return reviews.find(database.execute(), id).orElseThrow().view();
    }

    public ReviewView edit(Principal p, UUID reviewId, ReviewInput in) {
        check(in, false);
        limits.consume(WRITES, p.userId().toString());
        return change(reviewId, (tx, r) -> {
            if (!r.view().authorId().equals(p.userId())) {
                throw new ApiException(403, "review.not_author", "Only the author may edit a review.");
            }
            reviews.update(tx, reviewId, in.rating() != null ? in.rating() : r.view().rating(),
                    in.body() != null ? in.body().strip() : r.view().body(), clock.instant());
        });
    }

    public void delete(Principal p, UUID reviewId, String ip) {
        change(reviewId, (tx, r) -> {
            if (!p.isAdmin() && !r.view().authorId().equals(p.userId())) {
                throw new ApiException(403, "review.not_author", "Only the author or an admin may delete a review.");
            }
            reviews.delete(tx, reviewId);
            if (p.isAdmin() && !r.view().authorId().equals(p.userId())) {
                audit.record(tx, new AuditRecord(p.userId(), "catalog.review.deleted", "review", reviewId.toString(),
                        ip, Map.of("courseId", r.view().courseId().toString())));
            }
        });
    }

    public ReviewView reply(Principal p, UUID reviewId, Optional<String> body) {
        body.ifPresent(b -> new Validation().required("body", b).maxLength("body", b, 2_000).throwIfInvalid());
        String name = identity.findById(p.userId()).map(u -> u.displayName()).orElse("Instructor");
        return change(reviewId, (tx, r) -> {
            PublishedCourse c = published.course(tx, r.view().courseId().toString()).orElseThrow();
            if (!p.isAdmin() && !c.isStaff(p.userId())) {
                throw new ApiException(403, "review.not_course_staff", "Only the course's instructors reply to reviews.");
            }
            reviews.reply(tx, reviewId, body.isPresent() ? p.userId() : null, body.isPresent() ? name : null,
                    body.map(String::strip).orElse(null), body.isPresent() ? clock.instant() : null);
        });
    }

    public void report(Principal p, UUID reviewId, AbuseReport in) {
        new Validation().required("reason", in.reason())
                .check(in.reason() == null || REASONS.contains(in.reason()), "reason", "one_of",
                        "reason must be spam, offensive, off_topic or other.")
                .maxLength("details", in.details(), 1_000).throwIfInvalid();
        ReviewStore.Row r = reviews.find(database.execute(), reviewId)
                .filter(x -> !x.view().hidden()).orElseThrow(() -> ApiException.notFound("This review"));
        if (r.view().authorId().equals(p.userId())) {
            throw new ApiException(409, "review.own_review", "You cannot report your own review.");
        }
        limits.consume(REPORTS, p.userId().toString());
        database.doInTransaction(tx -> reviews.report(tx, reviewId, p.userId(), in.reason(),
                in.details() == null ? "" : in.details().strip(), clock.instant()));
    }

    public ReviewView moderate(Principal admin, UUID reviewId, ReviewModeration in, String ip) {
        new Validation().required("hidden", in.hidden())
                .check(!Boolean.TRUE.equals(in.hidden()) || in.reason() != null && !in.reason().isBlank(), "reason",
                        "required", "Say why the review is hidden; its author sees it.")
                .maxLength("reason", in.reason(), 500).throwIfInvalid();
        return change(reviewId, (tx, r) -> {
            reviews.setHidden(tx, reviewId, in.hidden(), in.hidden() ? in.reason().strip() : null);
            audit.record(tx, new AuditRecord(admin.userId(), in.hidden() ? "catalog.review.hidden" : "catalog.review.shown",
                    "review", reviewId.toString(), ip, Map.of("courseId", r.view().courseId().toString())));
        });
    }

    public Page<ReviewView> list(Optional<Principal> caller, String courseKey, int limit, Optional<PageCursor> cursor) {
        DbExecute db = database.execute();
        PublishedCourse c = published.course(db, courseKey).orElseThrow(() -> ApiException.notFound("This course"));
        List<ReviewView> items = reviews.page(db, c.id(), caller.map(Principal::userId).orElse(null),
                caller.map(Principal::isAdmin).orElse(false), limit + 1, cursor);
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        ReviewView last = items.get(limit - 1);
        return new Page<>(items.subList(0, limit), new PageCursor(last.createdAt(), last.id()).encode());
    }

    public List<ReportedReview> reported(int limit) {
        return reviews.reported(database.execute(), limit);
    }

    /** Applies a change to a review under its course's lock and refreshes the rating summary. */
    private ReviewView change(UUID reviewId, java.util.function.BiConsumer<DbExecute, ReviewStore.Row> work) {
        UUID courseId = reviews.find(database.execute(), reviewId).map(r -> r.view().courseId())
                .orElseThrow(() -> ApiException.notFound("This review"));
        database.doInTransaction(tx -> {
            reviews.lockCourse(tx, courseId);
            ReviewStore.Row r = reviews.find(tx, reviewId).orElseThrow(() -> ApiException.notFound("This review"));
            work.accept(tx, r);
            ratingsChanged(tx, published.course(tx, courseId.toString()).orElseThrow());
        });
        caches.ratingChanged(courseId);
        return reviews.find(database.execute(), reviewId).map(ReviewStore.Row::view).orElse(null);
    }

    private void ratingsChanged(DbExecute tx, PublishedCourse c) {
        reviews.refreshRating(tx, c.id());
        Map<UUID, String> keepNames = new java.util.HashMap<>();
        c.instructors().forEach(i -> keepNames.put(i.id(), null));
        snapshots.refreshInstructors(tx, keepNames);
    }

    private static void check(ReviewInput in, boolean creating) {
        Validation v = new Validation();
        if (creating) {
            v.required("rating", in.rating());
        }
        v.check(in.rating() == null || in.rating() >= 1 && in.rating() <= 5, "rating", "range",
                "rating must be 1 to 5 stars.").maxLength("body", in.body(), 5_000).throwIfInvalid();
    }

    private static String body(ReviewInput in) {
        return in.body() == null ? "" : in.body().strip();
    }
}
