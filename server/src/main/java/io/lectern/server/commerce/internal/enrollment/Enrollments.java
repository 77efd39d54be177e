package io.lectern.server.commerce.internal.enrollment;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.CourseStatus;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.commerce.EnrollRequest;
import io.lectern.model.commerce.Enrollment;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings;
import io.lectern.server.commerce.internal.revenue.RevenueShares;
import io.lectern.server.commerce.internal.revenue.SaleSplit;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.cache.ReadCache;
import io.lectern.server.commerce.CommerceSettings;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.db.Writes;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Enrolling: free courses at once; paid ones by a wallet debit in the same transaction as the enrollment (so no
 * money moves without it), split into tax, the instructor's pending share and the platform's; subscription courses
 * with a live subscription. A retried request with the same {@code Idempotency-Key} never pays twice.
 */
public final class Enrollments {

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final EventBus events;
    private final CatalogService catalog;
    private final Ledger ledger;
    private final Coupons coupons;
    private final RevenueShares shares;
    private final Earnings earnings;
    private final Idempotency idempotency;
    private final CommerceSettings settings;
    private final EnrollmentStore repo = new EnrollmentStore();
    /** Published terms, read for every purchase: kept briefly (a republished price applies within the TTL). */
    private final ReadCache<UUID, CourseOffer> offers;

    private volatile io.lectern.server.commerce.ProgressLookup progress = io.lectern.server.commerce.ProgressLookup.NONE;

    public Enrollments(Database database, Clock clock, Ids ids, EventBus events, CatalogService catalog, Ledger ledger,
                       Coupons coupons, RevenueShares shares,
                       Earnings earnings, Idempotency idempotency, CommerceSettings settings) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.catalog = catalog;
        this.ledger = ledger;
        this.coupons = coupons;
        this.shares = shares;
        this.earnings = earnings;
        this.idempotency = idempotency;
        this.settings = settings;
        this.offers = new ReadCache<>(java.time.Duration.ofSeconds(30), 10_000, clock);
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
        String coupon = in.couponCode() == null || in.couponCode().isBlank() ? null : in.couponCode().strip();
        // A coupon is checked under its row lock and a plan against the live subscription, in one transaction with
        // the writes; a plain purchase or a free course is one statement.
        boolean reads = coupon != null || course.pricing() == Pricing.SUBSCRIPTION;
        AtomicLong charged = new AtomicLong();
        try {
            return idempotency.write(p.userId(), key, "enroll", courseId + "|" + (coupon == null ? "" : coupon), 201,
                    Enrollment.class, reads, (db, writes) -> enrollIn(db, writes, p.userId(), course, coupon, charged));
        } catch (Idempotency.KeyReused e) {
            throw e;
        } catch (ApiException e) { // "already enrolled" answers before price, coupon and plan rules
            refuseIfEnrolled(p.userId(), courseId);
            throw e;
        } catch (RuntimeException e) {
            if (Ledger.isOverdraft(e)) {
                refuseIfEnrolled(p.userId(), courseId);
                throw shortfall(p.userId(), charged.get());
            }
            if (SqlErrors.isUniqueViolation(e, "enrollments_one_active")) {
                refuseIfEnrolled(p.userId(), courseId);
                throw alreadyEnrolled(null);
            }
            throw e;
        }
    }

    private ApiException shortfall(UUID userId, long price) {
        long balance = ledger.balance(database.execute(), AccountKind.WALLET, userId);
        long missing = Math.max(1, price - balance);
        return new ApiException(402, "wallet.insufficient_funds", "Your wallet is short by "
                + MoneyText.of(missing, ledger.currency()) + "; top it up or redeem a voucher first.")
                .with("shortfallMinor", missing).with("balanceMinor", balance).with("priceMinor", price)
                .with("currency", ledger.currency());
    }

    /**
     * Checked only once a purchase failed: the happy path needs no lookup, as the unique index on active enrollments
     * refuses a second one (and the payment with it).
     */
    private void refuseIfEnrolled(UUID userId, UUID courseId) {
        repo.active(database.execute(), userId, courseId).ifPresent(r -> {
            throw alreadyEnrolled(r.view().id());
        });
    }

    /** Reads through {@code db}, adds the enrollment's writes; {@code charged} learns what the wallet is to pay. */
    private Enrollment enrollIn(DbExecute db, Writes writes, UUID userId, CourseOffer course, String coupon,
                                AtomicLong charged) {
        Instant now = clock.instant();
        UUID id = ids.next();
        EnrollmentStore.NewEnrollment e = switch (course.pricing()) {
            case FREE -> free(id, userId, course, "FREE");
            case SUBSCRIPTION -> subscription(db, id, userId, course, now);
            case ONE_TIME -> purchase(db, writes, new Sale(id, userId, course, coupon, now), charged);
        };
        repo.insert(writes, e, now);
        if (e.instructorShare() > 0) {
            earnings.record(writes, id, e.instructorId(), course.courseId(), e.instructorShare(), e.refundableUntil(),
                    now);
        }
        if (e.couponId() != null) {
            coupons.recordUse(writes, e.couponId(), userId, id, now);
        }
        events.publish(writes, new EnrollmentCreated(id, userId, course.courseId(), e.source(), e.paid(),
                e.tax(), e.currency(), now));
        return EnrollmentStore.view(e, now);
    }

    /** A purchase being made: the enrollment's id, who buys what, with which coupon code (or null), when. */
    private record Sale(UUID id, UUID userId, CourseOffer course, String coupon, Instant now) {
    }

    private EnrollmentStore.NewEnrollment purchase(DbExecute db, Writes writes, Sale sale, AtomicLong charged) {
        CourseOffer course = sale.course();
        long list = course.priceMinor();
        Coupons.Applied coupon = sale.coupon() == null ? null
                : coupons.apply(db, sale.coupon(), sale.userId(), course.courseId(), list, sale.now());
        long paid = list - (coupon == null ? 0 : coupon.discount());
        SaleSplit split = SaleSplit.of(paid, settings.taxRateBasisPoints(),
                shares.percentFor(db, course.courseId(), course.ownerId()));
        UUID txId = null;
        if (paid > 0) {
            charged.set(paid);
            List<Leg> legs = new ArrayList<>();
            legs.add(new Leg(ledger.account(db, AccountKind.WALLET, sale.userId()), AccountKind.WALLET, -paid));
            addLeg(legs, ledger.account(db, AccountKind.TAX_PAYABLE, null), AccountKind.TAX_PAYABLE, split.tax());
            addLeg(legs, ledger.account(db, AccountKind.INSTRUCTOR_PENDING, course.ownerId()),
                    AccountKind.INSTRUCTOR_PENDING, split.instructor());
            addLeg(legs, ledger.account(db, AccountKind.PLATFORM_REVENUE, null), AccountKind.PLATFORM_REVENUE,
                    split.platform());
            txId = ledger.post(writes, "SALE", sale.id().toString(), sale.userId(), "Course: " + course.title(), legs);
        }
        Instant refundableUntil = sale.now().plus(settings.refundWindow());
        return new EnrollmentStore.NewEnrollment(sale.id(), sale.userId(), course.courseId(), course.title(),
                "PURCHASE", list, list - paid, paid, split.tax(), ledger.currency(),
                coupon == null ? null : coupon.couponId(), txId, split.instructor() > 0 ? course.ownerId() : null,
                split.instructor(), paid > 0 ? refundableUntil : null);
    }

    private EnrollmentStore.NewEnrollment subscription(DbExecute db, UUID id, UUID userId, CourseOffer course,
                                                            Instant now) {
        if (!repo.subscribed(db, userId, now)) {
            throw new ApiException(402, "subscription.required", "This course is included in a subscription; "
                    + "subscribe first (GET /api/v1/plans).");
        }
        return free(id, userId, course, "SUBSCRIPTION");
    }

    private EnrollmentStore.NewEnrollment free(UUID id, UUID userId, CourseOffer course, String source) {
        return new EnrollmentStore.NewEnrollment(id, userId, course.courseId(), course.title(), source, 0, 0, 0, 0,
                ledger.currency(), null, null, null, 0, null);
    }

    private static void addLeg(List<Leg> legs, UUID account, AccountKind kind, long amount) {
        if (amount != 0) {
            legs.add(new Leg(account, kind, amount));
        }
    }

    /** The learner's enrollments, newest first, each with how far they are in the course. */
    public List<Enrollment> mine(UUID userId) {
        List<Enrollment> mine = repo.ofUser(database.execute(), userId).stream().map(EnrollmentStore.Row::view)
                .toList();
        var percents = progress.percents(userId, mine.stream().map(Enrollment::courseId).distinct().toList());
        return mine.stream().map(e -> new Enrollment(e.id(), e.courseId(), e.courseTitle(), e.status(), e.source(),
                e.listPrice(), e.discount(), e.paid(), e.tax(), e.invoiceId(), e.enrolledAt(), e.refundableUntil(),
                percents.getOrDefault(e.courseId(), 0))).toList();
    }

    public void useProgress(io.lectern.server.commerce.ProgressLookup lookup) {
        this.progress = lookup;
    }

    public boolean hasAccess(DbExecute db, UUID userId, UUID courseId) {
        return repo.hasAccess(db, userId, courseId, clock.instant());
    }

    static ApiException alreadyEnrolled(UUID enrollmentId) {
        return new ApiException(409, "enrollment.exists", "You are already enrolled in this course.")
                .with("enrollmentId", enrollmentId == null ? "" : enrollmentId.toString());
    }
}
