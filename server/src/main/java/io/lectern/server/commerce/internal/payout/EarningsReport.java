package io.lectern.server.commerce.internal.payout;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Earnings;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings.Release;
import io.lectern.server.platform.db.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An instructor's earnings dashboard: balances from the ledger (pending, available, on hold, paid) and, per course
 * and month, their share of sales and of subscriptions (by subscribers' study time). Shares whose refund window has
 * passed are released first, so the numbers are current.
 */
public final class EarningsReport {

    private final Database database;
    private final Ledger ledger;
    private final Release release;
    private final long threshold;
    private final PayoutStore payouts = new PayoutStore();
    private final EarningsReportStore store = new EarningsReportStore();

    public EarningsReport(Database database, Ledger ledger, Release release, long threshold) {
        this.database = database;
        this.ledger = ledger;
        this.release = release;
        this.threshold = threshold;
    }

    public Earnings of(UUID instructorId) {
        release.releaseDue(Optional.of(instructorId));
        DbExecute db = database.execute();
        String currency = ledger.currency();
        long paid = payouts.paidOut(db, instructorId);
        List<Earnings.CourseEarnings> byCourse = byCourse(db, instructorId, currency);
        List<Earnings.MonthEarnings> months = byMonth(db, instructorId, currency);
        return new Earnings(money(db, AccountKind.INSTRUCTOR_PENDING, instructorId),
                money(db, AccountKind.INSTRUCTOR_AVAILABLE, instructorId),
                money(db, AccountKind.INSTRUCTOR_PAYOUT_HOLD, instructorId), new Money(paid, currency),
                new Money(threshold, currency), byCourse, months);
    }

    /** Sales and subscription shares per course, the biggest earner first. */
    private List<Earnings.CourseEarnings> byCourse(DbExecute db, UUID instructorId, String currency) {
        Map<UUID, Earnings.CourseEarnings> courses = new LinkedHashMap<>();
        for (EarningsReportStore.CourseSales r : store.salesByCourse(db, instructorId)) {
            courses.put(r.courseId(), new Earnings.CourseEarnings(r.courseId(), r.title(), r.sales(), r.refunds(),
                    new Money(r.gross(), currency), new Money(r.earned(), currency), new Money(0, currency), 0));
        }
        for (EarningsReportStore.CourseShares r : store.sharesByCourse(db, instructorId)) {
            UUID course = r.courseId();
            long sub = r.earned();
            Earnings.CourseEarnings c = courses.get(course);
            courses.put(course, new Earnings.CourseEarnings(course, c != null ? c.title() : r.title(),
                    c != null ? c.sales() : 0, c != null ? c.refunds() : 0, c != null ? c.gross()
                    : new Money(0, currency), new Money((c != null ? c.earned().amountMinor() : 0) + sub, currency),
                    new Money(sub, currency), r.seconds()));
        }
        return courses.values().stream()
                .sorted(java.util.Comparator.comparingLong((Earnings.CourseEarnings c) -> -c.earned().amountMinor()))
                .toList();
    }

    /** The last 24 months, newest first: sales by sale time, subscription shares by the time they were shared. */
    private List<Earnings.MonthEarnings> byMonth(DbExecute db, UUID instructorId, String currency) {
        return store.byMonth(db, instructorId).stream().map(r -> new Earnings.MonthEarnings(r.month(), r.sales(),
                new Money(r.earned(), currency), new Money(r.subs(), currency))).toList();
    }

    private Money money(DbExecute db, AccountKind kind, UUID owner) {
        return new Money(ledger.balance(db, kind, owner), ledger.currency());
    }
}
