package io.lectern.server.commerce.internal.payout;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Earnings;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.revenue.Earnings.Release;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An instructor's earnings dashboard: balances from the ledger (pending, available, on hold, paid) and sales per
 * course and month from their earnings. Shares whose refund window has passed are released first, so the
 * numbers are current.
 */
public final class EarningsReport {

    private final Platform platform;
    private final Ledger ledger;
    private final Release release;
    private final long threshold;

    public EarningsReport(Platform platform, Ledger ledger, Release release, long threshold) {
        this.platform = platform;
        this.ledger = ledger;
        this.release = release;
        this.threshold = threshold;
    }

    public Earnings of(UUID instructorId) {
        release.releaseDue(Optional.of(instructorId));
        DbExecute db = platform.db().execute();
        String currency = ledger.currency();
        long paid = db.get("SELECT coalesce(sum(amount_minor), 0) AS n FROM commerce.payouts WHERE instructor_id = ? "
                + "AND status = 'PAID'", instructorId).map(r -> Rows.number(r, "n")).orElse(0L);
        List<Earnings.CourseEarnings> courses;
        try (var rows = db.query("""
                SELECT e.course_id, max(en.course_title) AS title,
                       count(*) FILTER (WHERE e.status <> 'REVERSED') AS sales,
                       count(*) FILTER (WHERE e.status = 'REVERSED') AS refunds,
                       coalesce(sum(en.paid_minor) FILTER (WHERE e.status <> 'REVERSED'), 0) AS gross,
                       coalesce(sum(e.amount_minor) FILTER (WHERE e.status <> 'REVERSED'), 0) AS earned
                  FROM commerce.earnings e JOIN commerce.enrollments en ON en.id = e.enrollment_id
                 WHERE e.instructor_id = ?
                 GROUP BY e.course_id ORDER BY earned DESC""", instructorId)) {
            courses = rows.map(r -> new Earnings.CourseEarnings(Rows.uuid(r, "course_id"), Rows.text(r, "title"),
                    Rows.number(r, "sales"), Rows.number(r, "refunds"), new Money(Rows.number(r, "gross"), currency),
                    new Money(Rows.number(r, "earned"), currency))).toList();
        }
        List<Earnings.MonthEarnings> months;
        try (var rows = db.query("""
                SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
                       count(*) AS sales, coalesce(sum(amount_minor), 0) AS earned
                  FROM commerce.earnings WHERE instructor_id = ? AND status <> 'REVERSED'
                 GROUP BY 1 ORDER BY 1 DESC LIMIT 24""", instructorId)) {
            months = rows.map(r -> new Earnings.MonthEarnings(Rows.text(r, "month"), Rows.number(r, "sales"),
                    new Money(Rows.number(r, "earned"), currency))).toList();
        }
        return new Earnings(money(db, AccountKind.INSTRUCTOR_PENDING, instructorId),
                money(db, AccountKind.INSTRUCTOR_AVAILABLE, instructorId),
                money(db, AccountKind.INSTRUCTOR_PAYOUT_HOLD, instructorId), new Money(paid, currency),
                new Money(threshold, currency), courses, months);
    }

    private Money money(DbExecute db, AccountKind kind, UUID owner) {
        return new Money(ledger.balance(db, kind, owner), ledger.currency());
    }
}
