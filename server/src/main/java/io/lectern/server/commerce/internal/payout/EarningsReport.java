package io.lectern.server.commerce.internal.payout;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Earnings;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings.Release;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
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
        long paid = db.get("SELECT coalesce(sum(amount_minor), 0) AS n FROM commerce.payouts WHERE instructor_id = ? "
                + "AND status = 'PAID'", instructorId).map(r -> Rows.number(r, "n")).orElse(0L);
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
        try (var rows = db.query("""
                SELECT e.course_id, max(en.course_title) AS title,
                       count(*) FILTER (WHERE e.status <> 'REVERSED') AS sales,
                       count(*) FILTER (WHERE e.status = 'REVERSED') AS refunds,
                       coalesce(sum(en.paid_minor) FILTER (WHERE e.status <> 'REVERSED'), 0) AS gross,
                       coalesce(sum(e.amount_minor) FILTER (WHERE e.status <> 'REVERSED'), 0) AS earned
                  FROM commerce.earnings e JOIN commerce.enrollments en ON en.id = e.enrollment_id
                 WHERE e.instructor_id = ?
                 GROUP BY e.course_id""", instructorId)) {
            rows.forEach(r -> courses.put(Rows.uuid(r, "course_id"), new Earnings.CourseEarnings(Rows.uuid(r, "course_id"),
                    Rows.text(r, "title"), Rows.number(r, "sales"), Rows.number(r, "refunds"),
                    new Money(Rows.number(r, "gross"), currency), new Money(Rows.number(r, "earned"), currency),
                    new Money(0, currency), 0)));
        }
        try (var rows = db.query("""
                SELECT s.course_id, (SELECT max(course_title) FROM commerce.enrollments en
                                      WHERE en.course_id = s.course_id) AS title,
                       sum(s.amount_minor) AS earned, sum(s.seconds) AS seconds
                  FROM commerce.subscription_shares s WHERE s.instructor_id = ? GROUP BY s.course_id""", instructorId)) {
            rows.forEach(r -> {
                UUID course = Rows.uuid(r, "course_id");
                long sub = Rows.number(r, "earned");
                Earnings.CourseEarnings c = courses.get(course);
                courses.put(course, new Earnings.CourseEarnings(course, c != null ? c.title() : Rows.text(r, "title"),
                        c != null ? c.sales() : 0, c != null ? c.refunds() : 0, c != null ? c.gross()
                        : new Money(0, currency), new Money((c != null ? c.earned().amountMinor() : 0) + sub, currency),
                        new Money(sub, currency), Rows.number(r, "seconds")));
            });
        }
        return courses.values().stream()
                .sorted(java.util.Comparator.comparingLong((Earnings.CourseEarnings c) -> -c.earned().amountMinor()))
                .toList();
    }

    /** The last 24 months, newest first: sales by sale time, subscription shares by the time they were shared. */
    private List<Earnings.MonthEarnings> byMonth(DbExecute db, UUID instructorId, String currency) {
        try (var rows = db.query("""
                WITH sales AS (SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
                                      count(*) AS sales, sum(amount_minor) AS earned
                                 FROM commerce.earnings WHERE instructor_id = ? AND status <> 'REVERSED' GROUP BY 1),
                     subs AS (SELECT to_char(date_trunc('month', p.shared_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
                                     sum(s.amount_minor) AS earned
                                FROM commerce.subscription_shares s JOIN commerce.subscription_periods p
                                  ON p.id = s.period_id
                               WHERE s.instructor_id = ? GROUP BY 1)
                SELECT coalesce(a.month, b.month) AS month, coalesce(a.sales, 0) AS sales,
                       coalesce(a.earned, 0) + coalesce(b.earned, 0) AS earned, coalesce(b.earned, 0) AS subs
                  FROM sales a FULL JOIN subs b ON a.month = b.month
                 ORDER BY 1 DESC LIMIT 24""", instructorId, instructorId)) {
            return rows.map(r -> new Earnings.MonthEarnings(Rows.text(r, "month"), Rows.number(r, "sales"),
                    new Money(Rows.number(r, "earned"), currency), new Money(Rows.number(r, "subs"), currency))).toList();
        }
    }

    private Money money(DbExecute db, AccountKind kind, UUID owner) {
        return new Money(ledger.balance(db, kind, owner), ledger.currency());
    }
}
