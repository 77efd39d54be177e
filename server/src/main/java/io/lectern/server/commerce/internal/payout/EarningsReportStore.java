package io.lectern.server.commerce.internal.payout;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.List;
import java.util.UUID;

/** SQL of the earnings dashboard: sums over commerce.earnings, subscription_shares, subscription_periods, enrollments. */
final class EarningsReportStore {

    /**
     * An instructor's sales of one course.
     *
     * @param courseId course
     * @param title    its title at the last sale
     * @param sales    sales not refunded
     * @param refunds  sales refunded
     * @param gross    what learners paid for the sales not refunded
     * @param earned   the instructor's share of those
     */
    record CourseSales(UUID courseId, String title, long sales, long refunds, long gross, long earned) {
    }

    /**
     * An instructor's shares of subscriptions for one course.
     *
     * @param courseId course
     * @param title    its title at the last sale
     * @param earned   the shares' sum
     * @param seconds  the study seconds they were shared by
     */
    record CourseShares(UUID courseId, String title, long earned, long seconds) {
    }

    /**
     * One month's earnings.
     *
     * @param month  {@code YYYY-MM}, UTC
     * @param sales  sales not refunded
     * @param earned from sales and subscriptions
     * @param subs   from subscriptions
     */
    record Month(String month, long sales, long earned, long subs) {
    }

    /** Sales per course, in no particular order. */
    List<CourseSales> salesByCourse(DbExecute db, UUID instructorId) {
        try (var rows = db.query("""
                SELECT e.course_id, max(en.course_title) AS title,
                       count(*) FILTER (WHERE e.status <> 'REVERSED') AS sales,
                       count(*) FILTER (WHERE e.status = 'REVERSED') AS refunds,
                       coalesce(sum(en.paid_minor) FILTER (WHERE e.status <> 'REVERSED'), 0) AS gross,
                       coalesce(sum(e.amount_minor) FILTER (WHERE e.status <> 'REVERSED'), 0) AS earned
                  FROM commerce.earnings e JOIN commerce.enrollments en ON en.id = e.enrollment_id
                 WHERE e.instructor_id = ?
                 GROUP BY e.course_id""", instructorId)) {
            return rows.map(r -> new CourseSales(Rows.uuid(r, "course_id"), Rows.text(r, "title"),
                    Rows.number(r, "sales"), Rows.number(r, "refunds"), Rows.number(r, "gross"),
                    Rows.number(r, "earned"))).toList();
        }
    }

    /** Subscription shares per course, in no particular order. */
    List<CourseShares> sharesByCourse(DbExecute db, UUID instructorId) {
        try (var rows = db.query("""
                SELECT s.course_id, (SELECT max(course_title) FROM commerce.enrollments en
                                      WHERE en.course_id = s.course_id) AS title,
                       sum(s.amount_minor) AS earned, sum(s.seconds) AS seconds
                  FROM commerce.subscription_shares s WHERE s.instructor_id = ? GROUP BY s.course_id""", instructorId)) {
            return rows.map(r -> new CourseShares(Rows.uuid(r, "course_id"), Rows.text(r, "title"),
                    Rows.number(r, "earned"), Rows.number(r, "seconds"))).toList();
        }
    }

    /** The last 24 months, newest first: sales by sale time, subscription shares by the time they were shared. */
    List<Month> byMonth(DbExecute db, UUID instructorId) {
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
            return rows.map(r -> new Month(Rows.text(r, "month"), Rows.number(r, "sales"), Rows.number(r, "earned"),
                    Rows.number(r, "subs"))).toList();
        }
    }
}
