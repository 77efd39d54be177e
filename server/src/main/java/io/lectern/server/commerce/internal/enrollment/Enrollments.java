package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbTransaction;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.commerce.EnrollRequest;
import io.lectern.model.commerce.Enrollment;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.internal.Idempotency;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.InsufficientFundsException;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings;
import io.lectern.server.commerce.internal.revenue.RevenueShares;
import io.lectern.server.commerce.internal.revenue.SaleSplit;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.cache.ReadCache;
import io.lectern.server.platform.config.CommerceSettings;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrolling: free courses at once; paid ones by a wallet debit in the same transaction as the enrollment (so no
 * money moves without it), split into tax, the instructor's pending share and the platform's; subscription courses
 * with a live subscription. A retried request with the same {@code Idempotency-Key} never pays twice.
 */
public final class Enrollments {

    private final Platform platform;
    private final CatalogService catalog;
    private final Ledger ledger;
    private final Coupons coupons;
    private final RevenueShares shares;
    private final Earnings earnings;
    private final Idempotency idempotency;
    private final CommerceSettings settings;
    private final EnrollmentRepository repo = new EnrollmentRepository();
    /** Published terms, read for every purchase: kept briefly (a republished price applies within the TTL). */
    private final ReadCache<UUID, CourseOffer> offers;

    public Enrollments(Platform platform, CatalogService catalog, Ledger ledger, Coupons coupons, RevenueShares shares,
                       Earnings earnings, Idempotency idempotency, CommerceSettings settings) {
        this.platform = platform;
        this.catalog = catalog;
        this.ledger = ledger;
        this.coupons = coupons;
        this.shares = shares;
        this.earnings = earnings;
        this.idempotency = idempotency;
        this.settings = settings;
        this.offers = new ReadCache<>(java.time.Duration.ofSeconds(30), 10_000, platform.clock());
    }

    public Idempotency.Outcome<Enrollment> enroll(Principal p, UUID courseId, EnrollRequest in, Optional<String> key) {
        new Validation().maxLength("couponCode", in.couponCode(), 32).throwIfInvalid();
        CourseOffer course = offers.get(courseId, () -> catalog.offer(courseId).orElse(null), o -> o.courseId());
        if (course == null || course.status() != CourseStatus.PUBLISHED) {
            throw ApiException.notFound("This course");
        }
        if (course.isStaff(p.userId())) {
            throw new ApiException(409, "enrollment.own_course", "You teach this course; no need to enroll.");
        }
        String fingerprint = courseId + "|" + (in.couponCode() == null ? "" : in.couponCode().strip());
        try {
            return idempotency.run(p.userId(), key, "enroll", fingerprint, 201, Enrollment.class,
                    tx -> enrollIn(tx, p.userId(), course, in));
        } catch (Shortfall e) {
            refuseIfEnrolled(p.userId(), courseId);
            long balance = ledger.balance(platform.db().execute(), AccountKind.WALLET, p.userId());
            long missing = Math.max(1, e.price - balance);
            throw new ApiException(402, "wallet.insufficient_funds", "Your wallet is short by "
                    + MoneyText.of(missing, ledger.currency()) + "; top it up or redeem a voucher first.")
                    .with("shortfallMinor", missing).with("balanceMinor", balance).with("priceMinor", e.price)
                    .with("currency", ledger.currency());
        } catch (ApiException e) {
            if (!e.code().startsWith("idempotency.")) { // "already enrolled" answers before price, coupon, plan rules
                refuseIfEnrolled(p.userId(), courseId);
            }
            throw e;
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "enrollments_one_active")) {
                refuseIfEnrolled(p.userId(), courseId);
                throw alreadyEnrolled(null);
            }
            throw e;
        }
    }

    /**
     * Checked only once a purchase failed: the happy path needs no lookup, as the unique index on active enrollments
     * refuses a second one (and rolls the payment back with it).
     */
    private void refuseIfEnrolled(UUID userId, UUID courseId) {
        repo.active(platform.db().execute(), userId, courseId).ifPresent(r -> {
            throw alreadyEnrolled(r.view().id());
        });
    }

    private Enrollment enrollIn(DbTransaction tx, UUID userId, CourseOffer course, EnrollRequest in) {
        Instant now = platform.clock().instant();
        UUID id = platform.ids().next();
        EnrollmentRepository.NewEnrollment e = switch (course.pricing()) {
            case FREE -> free(id, userId, course, "FREE");
            case SUBSCRIPTION -> subscription(tx, id, userId, course, now);
            case ONE_TIME -> purchase(tx, id, userId, course, in, now);
        };
        repo.insert(tx, e, now);
        if (e.instructorShare() > 0) {
            earnings.record(tx, id, e.instructorId(), course.courseId(), e.instructorShare(), e.refundableUntil(), now);
        }
        if (e.couponId() != null) {
            coupons.recordUse(tx, e.couponId(), userId, id, now);
        }
        platform.events().publish(tx, new EnrollmentCreated(id, userId, course.courseId(), e.source(), e.paid(), e.tax(),
                e.currency(), now));
        return EnrollmentRepository.view(e, now);
    }

    private EnrollmentRepository.NewEnrollment purchase(DbTransaction tx, UUID id, UUID userId, CourseOffer course,
                                                        EnrollRequest in, Instant now) {
        long list = course.priceMinor();
        Coupons.Applied coupon = in.couponCode() == null || in.couponCode().isBlank() ? null
                : coupons.apply(tx, in.couponCode(), userId, course.courseId(), list, now);
        long paid = list - (coupon == null ? 0 : coupon.discount());
        SaleSplit split = SaleSplit.of(paid, settings.taxRateBasisPoints(),
                shares.percentFor(tx, course.courseId(), course.ownerId()));
        UUID txId = null;
        if (paid > 0) {
            List<Leg> legs = new ArrayList<>();
            legs.add(new Leg(ledger.account(tx, AccountKind.WALLET, userId), AccountKind.WALLET, -paid));
            addLeg(legs, ledger.account(tx, AccountKind.TAX_PAYABLE, null), AccountKind.TAX_PAYABLE, split.tax());
            addLeg(legs, ledger.account(tx, AccountKind.INSTRUCTOR_PENDING, course.ownerId()),
                    AccountKind.INSTRUCTOR_PENDING, split.instructor());
            addLeg(legs, ledger.account(tx, AccountKind.PLATFORM_REVENUE, null), AccountKind.PLATFORM_REVENUE,
                    split.platform());
            try {
                txId = ledger.post(tx, "SALE", id.toString(), userId, "Course: " + course.title(), legs);
            } catch (InsufficientFundsException e) {
                throw new Shortfall(paid);
            }
        }
        Instant refundableUntil = now.plus(settings.refundWindow());
        return new EnrollmentRepository.NewEnrollment(id, userId, course.courseId(), course.title(), "PURCHASE", list,
                list - paid, paid, split.tax(), ledger.currency(), coupon == null ? null : coupon.couponId(), txId,
                split.instructor() > 0 ? course.ownerId() : null, split.instructor(), paid > 0 ? refundableUntil : null);
    }

    private EnrollmentRepository.NewEnrollment subscription(DbTransaction tx, UUID id, UUID userId, CourseOffer course,
                                                            Instant now) {
        boolean live = tx.get("""
                SELECT 1 FROM commerce.subscriptions WHERE user_id = ?
                   AND (status = 'ACTIVE' OR (status = 'PAST_DUE' AND grace_until > ?))""", userId,
                io.lectern.server.platform.db.Rows.param(now)).isPresent();
        if (!live) {
            throw new ApiException(402, "subscription.required", "This course is included in a subscription; "
                    + "subscribe first (GET /api/v1/plans).");
        }
        return free(id, userId, course, "SUBSCRIPTION");
    }

    private EnrollmentRepository.NewEnrollment free(UUID id, UUID userId, CourseOffer course, String source) {
        return new EnrollmentRepository.NewEnrollment(id, userId, course.courseId(), course.title(), source, 0, 0, 0, 0,
                ledger.currency(), null, null, null, 0, null);
    }

    private static void addLeg(List<Leg> legs, UUID account, AccountKind kind, long amount) {
        if (amount != 0) {
            legs.add(new Leg(account, kind, amount));
        }
    }

    public List<Enrollment> mine(UUID userId) {
        return repo.ofUser(platform.db().execute(), userId).stream().map(EnrollmentRepository.Row::view).toList();
    }

    public boolean hasAccess(UUID userId, UUID courseId) {
        return repo.hasAccess(platform.db().execute(), userId, courseId, platform.clock().instant());
    }

    static ApiException alreadyEnrolled(UUID enrollmentId) {
        return new ApiException(409, "enrollment.exists", "You are already enrolled in this course.")
                .with("enrollmentId", enrollmentId == null ? "" : enrollmentId.toString());
    }

    /** The wallet cannot pay {@code price}; the purchase transaction rolls back. */
    private static final class Shortfall extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long price;

        Shortfall(long price) {
            super("wallet short", null, false, false);
            this.price = price;
        }
    }
}
