package io.lectern.server.commerce.internal.subscription;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.commerce.StudyTime;
import io.lectern.server.commerce.internal.enrollment.EnrollmentStore;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.RevenueShares;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Subscription revenue reaches instructors (ADR 0021). Once a paid period is over, its revenue without tax is shared
 * among the subscription courses the subscriber studied in it, in proportion to their study seconds (largest
 * remainder, so the parts add up exactly); each course's part is split by its revenue share (course, then instructor,
 * then the default) and the instructor's portion moves from the platform's revenue to the owner's available
 * earnings — subscriptions are not refunded, so there is no window to wait out. A period nobody studied in stays the
 * platform's. Each period is shared once, in one transaction; a job does it every minute.
 */
public final class SubscriptionShares {

    /** One course's part of a period. */
    private record Part(UUID course, UUID instructor, long seconds, long courseMinor, long instructorMinor) {
    }

    private final Database database;
    private final Clock clock;
    private final Ledger ledger;
    private final RevenueShares shares;
    private final CatalogService catalog;
    private final SubscriptionStore store = new SubscriptionStore();
    private final EnrollmentStore enrollments = new EnrollmentStore();
    private volatile StudyTime studyTime = StudyTime.NONE;

    public SubscriptionShares(Database database, Clock clock, Ledger ledger, RevenueShares shares, CatalogService catalog) {
        this.database = database;
        this.clock = clock;
        this.ledger = ledger;
        this.shares = shares;
        this.catalog = catalog;
    }

    public void useStudyTime(StudyTime time) {
        this.studyTime = time;
    }

    /** Shares every period that ended and was not shared yet; returns how many. */
    public int shareDue() {
        List<SubscriptionStore.Period> due = store.unsharedPeriods(database.execute(), clock.instant());
        int shared = 0;
        for (SubscriptionStore.Period period : due) {
            List<Part> parts = parts(period); // read before the transaction: learning and the catalog answer on their own
            shared += database.inTransaction(tx -> share(tx, period, parts)) ? 1 : 0;
        }
        return shared;
    }

    private List<Part> parts(SubscriptionStore.Period period) {
        Map<UUID, Long> studied = new LinkedHashMap<>(studyTime.seconds(period.userId(), period.from(), period.to()));
        studied.keySet().retainAll(subscriptionCourses(period.userId()));
        studied.values().removeIf(s -> s <= 0);
        long total = studied.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0 || period.net() == 0) {
            return List.of();
        }
        List<Map.Entry<UUID, Long>> courses = new ArrayList<>(studied.entrySet());
        courses.sort(Map.Entry.comparingByKey());
        long[] minor = new long[courses.size()];
        long given = 0;
        for (int i = 0; i < courses.size(); i++) {
            minor[i] = period.net() * courses.get(i).getValue() / total;
            given += minor[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparingLong((Integer i) -> -(period.net() * courses.get(i).getValue() % total))
                .thenComparing(i -> courses.get(i).getKey()));
        for (int k = 0; given < period.net(); k++, given++) {
            minor[byRemainder.get(k % byRemainder.size())]++;
        }
        List<Part> parts = new ArrayList<>();
        var db = database.execute();
        for (int i = 0; i < courses.size(); i++) {
            UUID course = courses.get(i).getKey();
            UUID owner = catalog.offer(course).map(CourseOffer::ownerId).orElse(null);
            if (owner == null) {
                continue; // a course gone from the catalog: its part stays the platform's
            }
            int percent = shares.percentFor(db, course, owner);
            parts.add(new Part(course, owner, courses.get(i).getValue(), minor[i], minor[i] * percent / 100));
        }
        return parts;
    }

    private List<UUID> subscriptionCourses(UUID userId) {
        return enrollments.subscriptionCourses(database.execute(), userId);
    }

    private boolean share(DbExecute tx, SubscriptionStore.Period period, List<Part> parts) {
        if (!store.lockUnshared(tx, period.id())) {
            return false; // another server shares it
        }
        UUID txId = null;
        long toInstructors = parts.stream().mapToLong(Part::instructorMinor).sum();
        if (toInstructors > 0) {
            List<Leg> legs = new ArrayList<>();
            legs.add(new Leg(ledger.account(tx, AccountKind.PLATFORM_REVENUE, null), AccountKind.PLATFORM_REVENUE,
                    -toInstructors));
            Map<UUID, Long> perInstructor = new LinkedHashMap<>();
            parts.forEach(p -> perInstructor.merge(p.instructor(), p.instructorMinor(), Long::sum));
            perInstructor.forEach((instructor, amount) -> {
                if (amount > 0) {
                    legs.add(new Leg(ledger.account(tx, AccountKind.INSTRUCTOR_AVAILABLE, instructor),
                            AccountKind.INSTRUCTOR_AVAILABLE, amount));
                }
            });
            txId = ledger.post(tx, "SUBSCRIPTION_SHARE", period.id().toString(), null,
                    "Subscription revenue shared by study time", legs);
        }
        for (Part p : parts) {
            store.insertShare(tx, period.id(), p.course(), p.instructor(), p.seconds(), p.courseMinor(), p.instructorMinor());
        }
        store.markShared(tx, period.id(), clock.instant(), txId);
        return true;
    }
}
