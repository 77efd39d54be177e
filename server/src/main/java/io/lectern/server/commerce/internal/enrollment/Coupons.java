package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.commerce.Coupon;
import io.lectern.model.commerce.CouponRequest;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.db.Writes;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Coupons: percent or fixed discounts on one course (instructors, for their own) or on every paid course (admins),
 * with a total cap, a per-learner limit and an expiry. Applying one locks its row, so caps hold under concurrency.
 */
public final class Coupons {

    /**
     * A coupon applied to a price.
     *
     * @param couponId the coupon
     * @param discount minor units off
     */
    public record Applied(UUID couponId, long discount) {
    }

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final CatalogService catalog;
    private final AuditService audit;
    private final CouponStore store = new CouponStore();

    public Coupons(Database database, Clock clock, Ids ids, CatalogService catalog, AuditService audit) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.catalog = catalog;
        this.audit = audit;
    }

    public Coupon create(Principal p, CouponRequest in, String ip) {
        new Validation().required("code", in.code()).required("kind", in.kind()).required("value", in.value())
                .check(in.code() == null || in.code().strip().matches("^[A-Za-z0-9_-]{3,32}$"), "code", "format",
                        "code must be 3 to 32 letters, digits, - or _.")
                .check(in.kind() == null || in.kind().equals("PERCENT") || in.kind().equals("FIXED"), "kind", "one_of",
                        "kind must be PERCENT or FIXED.")
                .check(in.value() == null || in.value() > 0 && (!"PERCENT".equals(in.kind()) || in.value() <= 100), "value",
                        "range", "value must be 1 to 100 percent, or a positive amount in minor units.")
                .check(in.maxUses() == null || in.maxUses() > 0, "maxUses", "range", "maxUses must be positive.")
                .check(in.perUserLimit() == null || in.perUserLimit() > 0, "perUserLimit", "range",
                        "perUserLimit must be positive.")
                .check(in.expiresAt() == null || in.expiresAt().isAfter(clock.instant()), "expiresAt",
                        "future", "expiresAt must be in the future.").throwIfInvalid();
        if (in.courseId() == null && !p.isAdmin()) {
            throw ApiException.invalid(List.of(new FieldViolation("courseId", "required",
                    "Instructors make coupons for one of their courses; name it in courseId.")));
        }
        if (in.courseId() != null) {
            CourseOffer course = catalog.offer(in.courseId()).orElseThrow(() -> ApiException.notFound("This course"));
            if (!p.isAdmin() && !course.isStaff(p.userId())) {
                throw Authz.forbidden();
            }
            if (course.pricing() != Pricing.ONE_TIME) {
                throw ApiException.rule("coupon.course_not_paid", "Coupons apply to courses with a one-time price.",
                        List.of(new FieldViolation("courseId", "paid_course", "This course is not sold on its own.")));
            }
        }
        UUID id = ids.next();
        String code = in.code().strip().toUpperCase(Locale.ROOT);
        try {
            database.doInTransaction(tx -> {
                store.insert(tx, new CouponStore.NewCoupon(id, code, in.kind(), in.value(), in.courseId(), p.userId(),
                        in.maxUses(), in.perUserLimit() == null ? 1 : in.perUserLimit(), in.expiresAt()), clock.instant());
                audit.record(tx, new AuditRecord(p.userId(), "commerce.coupon.created", "coupon", id.toString(), ip,
                        Map.of("code", code)));
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "coupons_code_key")) {
                throw new ApiException(409, "coupon.code_taken", "A coupon with this code exists; choose another code.");
            }
            throw e;
        }
        return store.find(database.execute(), id).orElseThrow();
    }

    /** Coupons the caller made (admins: all), newest first; optionally of one course. */
    public List<Coupon> list(Principal p, Optional<UUID> courseId) {
        return store.list(database.execute(), p.isAdmin() ? Optional.<UUID>empty() : Optional.of(p.userId()), courseId);
    }

    public Coupon deactivate(Principal p, UUID id, String ip) {
        Coupon c = store.find(database.execute(), id).orElseThrow(() -> ApiException.notFound("This coupon"));
        boolean owner = store.isCreatedBy(database.execute(), id, p.userId());
        if (!p.isAdmin() && !owner) {
            throw Authz.forbidden();
        }
        database.doInTransaction(tx -> {
            store.deactivate(tx, id);
            audit.record(tx, new AuditRecord(p.userId(), "commerce.coupon.deactivated", "coupon", c.id().toString(), ip,
                    Map.of("code", c.code())));
        });
        return store.find(database.execute(), id).orElseThrow();
    }

    /** Applies a coupon to a price inside the purchase transaction, or says which rule it broke. */
    Applied apply(DbExecute tx, String typed, UUID userId, UUID courseId, long listPrice, Instant now) {
        String code = typed.strip().toUpperCase(Locale.ROOT);
        Coupon c = store.lockByCode(tx, code).orElseThrow(() -> refused("unknown", "There is no coupon with this code."));
        if (!c.active()) {
            throw refused("inactive", "This coupon was withdrawn.");
        }
        if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
            throw refused("expired", "This coupon has expired.");
        }
        if (c.courseId() != null && !c.courseId().equals(courseId)) {
            throw refused("other_course", "This coupon is for another course.");
        }
        if (c.maxUses() != null && c.used() >= c.maxUses()) {
            throw refused("used_up", "This coupon has been used up.");
        }
        long mine = store.usesBy(tx, c.id(), userId);
        if (mine >= c.perUserLimit()) {
            throw refused("per_user_limit", "You have already used this coupon.");
        }
        long discount = "PERCENT".equals(c.kind()) ? listPrice * c.value() / 100 : Math.min(c.value(), listPrice);
        return new Applied(c.id(), discount);
    }

    void recordUse(Writes writes, UUID couponId, UUID userId, UUID enrollmentId, Instant now) {
        store.recordUse(writes, couponId, userId, enrollmentId, now);
    }

    private static ApiException refused(String rule, String message) {
        return ApiException.rule("coupon.invalid", message, List.of(new FieldViolation("couponCode", rule, message)));
    }
}
