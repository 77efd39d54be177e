package io.lectern.server.catalog.internal.authoring;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseDraftSummary;
import io.lectern.model.catalog.CourseDraftView;
import io.lectern.model.catalog.CourseInput;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.common.Page;
import io.lectern.server.catalog.internal.categories.CategoryStore;
import io.lectern.server.catalog.internal.lessons.MediaUses;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Creating, changing, reading and deleting a course's working copy (its outline is {@link OutlineEditing}'s). */
public final class Authoring {

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final DraftStore drafts;
    private final OutlineStore outlines;
    private final CategoryStore categories;
    private final CourseStaff staff;
    private final MediaUses media;
    private final String defaultCurrency;

    public Authoring(Database database, Clock clock, Ids ids, DraftStore drafts, OutlineStore outlines, CategoryStore categories,
              CourseStaff staff, MediaUses media, String defaultCurrency) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.drafts = drafts;
        this.outlines = outlines;
        this.categories = categories;
        this.staff = staff;
        this.media = media;
        this.defaultCurrency = defaultCurrency;
    }

    public CourseDraftView create(Principal p, CourseInput in) {
        CourseRules.check(in, true);
        if (in.ownerId() != null && !p.isAdmin()) {
            throw ApiException.invalid(List.of(new FieldViolation("ownerId", "admin_only",
                    "Only admins choose a course's owner; yours is you.")));
        }
        UUID ownerId = in.ownerId() != null ? in.ownerId() : p.userId();
        List<InstructorRef> instructors = staff.instructors(database.execute(), ownerId, orEmpty(in.coInstructorIds()));
        Pricing pricing = in.pricing() == null ? Pricing.FREE : in.pricing();
        Validation price = new Validation();
        CourseRules.checkPrice(price, pricing, in.priceMinor());
        price.throwIfInvalid();
        return write(db -> {
            requireCategory(db, in.category());
            media.requireUsableImage(db, p, instructors.stream().map(InstructorRef::id).toList(), in.thumbnailMediaId(),
                    null);
            Instant now = clock.instant();
            DraftCourse course = new DraftCourse(ids.next(), slugFor(db, null, in.slug(), in.title()),
                    in.title().strip(), or(strip(in.subtitle()), ""), or(strip(in.description()), ""), in.category(),
                    CourseRules.normaliseTags(orEmpty(in.tags())),
                    in.level() == null ? CourseLevel.BEGINNER : in.level(),
                    CourseRules.normaliseLanguage(in.language() == null ? "en" : in.language()), pricing,
                    in.priceMinor() == null ? 0 : in.priceMinor(), in.currency() == null ? defaultCurrency : in.currency(),
                    in.thumbnailMediaId(), ownerId, instructors, CourseStatus.DRAFT, 1, null, 0, now, null);
            drafts.insert(db, course, now);
            return course.id();
        }, p, in.slug() == null);
    }

    public CourseDraftView update(Principal p, UUID id, Json.Patch<CourseInput> patch, Optional<String> ifMatch) {
        CourseInput in = patch.value();
        CourseRules.check(in, false);
        if (in.ownerId() != null) {
            throw ApiException.invalid(List.of(new FieldViolation("ownerId", "read_only",
                    "The owner cannot be changed here.")));
        }
        return write(db -> {
            DraftCourse c = drafts.lock(db, id).orElseThrow(() -> ApiException.notFound("This course"));
            CourseStaff.requireEditor(p, c);
            requireRevision(c, ifMatch);
            List<InstructorRef> instructors = c.instructors();
            if (in.coInstructorIds() != null) {
                CourseStaff.requireOwner(p, c);
                instructors = staff.instructors(db, c.ownerId(), in.coInstructorIds());
            }
            if (in.category() != null && !in.category().equals(c.category())) {
                requireCategory(db, in.category());
            }
            if (patch.has("thumbnailMediaId")) {
                media.requireUsableImage(db, p, instructors.stream().map(InstructorRef::id).toList(),
                        in.thumbnailMediaId(), c.thumbnailMediaId());
            }
            Pricing pricing = in.pricing() != null ? in.pricing() : c.pricing();
            long price = in.priceMinor() != null ? in.priceMinor() : pricing == Pricing.ONE_TIME ? c.priceMinor() : 0;
            Validation v = new Validation();
            CourseRules.checkPrice(v, pricing, price);
            v.throwIfInvalid();
            DraftCourse changed = new DraftCourse(c.id(), in.slug() != null ? slugFor(db, c.id(), in.slug(), null) : c.slug(),
                    in.title() != null ? in.title().strip() : c.title(), or(strip(in.subtitle()), c.subtitle()),
                    or(strip(in.description()), c.description()), or(in.category(), c.category()),
                    in.tags() != null ? CourseRules.normaliseTags(in.tags()) : c.tags(), or(in.level(), c.level()),
                    in.language() != null ? CourseRules.normaliseLanguage(in.language()) : c.language(), pricing, price,
                    or(in.currency(), c.currency()),
                    patch.has("thumbnailMediaId") ? in.thumbnailMediaId() : c.thumbnailMediaId(), c.ownerId(),
                    instructors, c.status(), c.revision(), c.publishedRevision(), c.publishedVersion(), null, null);
            drafts.update(db, changed, clock.instant());
            if (in.coInstructorIds() != null) {
                drafts.setInstructors(db, c.id(), instructors);
            }
            return c.id();
        }, p, false);
    }

    /** Deletes a course that was never published; published ones are archived instead. */
    public void delete(Principal p, UUID id) {
        database.doInTransaction(tx -> {
            DraftCourse c = drafts.lock(tx, id).orElseThrow(() -> ApiException.notFound("This course"));
            CourseStaff.requireOwner(p, c);
            if (c.publishedVersion() > 0) {
                throw new ApiException(409, "course.was_published", "Learners may have enrolled in this course; "
                        + "archive it instead of deleting it.");
            }
            drafts.delete(tx, id);
        });
    }

    public CourseDraftView draft(Principal p, UUID id) {
        DbExecute db = database.execute();
        DraftCourse c = drafts.find(db, id).orElseThrow(() -> ApiException.notFound("This course"));
        CourseStaff.requireEditor(p, c);
        return DraftViews.course(c, outlines.outline(db, id));
    }

    public Page<CourseDraftSummary> studio(Principal p, boolean all, int limit, Optional<PageCursor> cursor) {
        return drafts.studioList(database.execute(), p.userId(), all && p.isAdmin(), limit, cursor);
    }

    /** Runs a change in one transaction and answers with the course as it is afterwards. */
    private CourseDraftView write(Function<DbExecute, UUID> change, Principal p, boolean madeSlug) {
        return draft(p, inTransaction(change, madeSlug));
    }

    /**
     * Runs a change that picks a course's slug in one transaction. A slug made from the title ({@code madeSlug}) that
     * another request took at the same moment is made again, after that one committed; a slug asked for is 409.
     */
    public UUID inTransaction(Function<DbExecute, UUID> change, boolean madeSlug) {
        for (int tries = 1; ; tries++) {
            try {
                return database.inTransaction(change::apply);
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e, "courses_slug_key")) {
                    throw e;
                }
                if (!madeSlug || tries == 5) {
                    throw slugTaken();
                }
            }
        }
    }

    /** A free slug: the one asked for (409 when another course has it) or one made from the title. */
    public String slugFor(DbExecute db, UUID courseId, String wanted, String title) {
        if (wanted != null) {
            Optional<UUID> holder = drafts.slugHolder(db, wanted);
            if (holder.isPresent() && !holder.get().equals(courseId)) {
                throw slugTaken();
            }
            return wanted;
        }
        String base = Slugs.fromTitle(title);
        // requests making a slug from the same title wait for each other here (until commit), so each sees the last
        drafts.lockSlugBase(db, base);
        String candidate = base;
        for (int n = 2; drafts.slugHolder(db, candidate).isPresent(); n++) {
            candidate = Slugs.numbered(base, n);
        }
        return candidate;
    }

    public static void requireRevision(DraftCourse c, Optional<String> ifMatch) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(DraftViews.etag(c.revision())) && !ifMatch.get().equals("*")) {
            throw new ApiException(409, "course.edited_elsewhere", "This course changed since you loaded it "
                    + "(now revision " + c.revision() + "). Reload it and apply your change again.")
                    .with("revision", c.revision());
        }
    }

    private void requireCategory(DbExecute db, String slug) {
        if (!categories.exists(db, slug)) {
            throw ApiException.invalid(List.of(new FieldViolation("category", "unknown",
                    "There is no category '" + slug + "'; see GET /api/v1/categories.")));
        }
    }

    public static ApiException slugTaken() {
        return new ApiException(409, "course.slug_taken", "Another course already uses this slug; choose another.",
                List.of(new FieldViolation("slug", "taken", "Another course already uses this slug.")), Map.of());
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
