package io.lectern.model.commerce;

import io.lectern.model.catalog.Money;
import java.util.List;
import java.util.UUID;

/**
 * An instructor's earnings dashboard.
 *
 * @param pending         shares still inside the refund window
 * @param available       shares that may be paid out
 * @param onHold          requested payouts not yet paid
 * @param paid            paid out so far
 * @param payoutThreshold smallest payout that may be requested
 * @param byCourse        per course
 * @param byMonth         per month, newest first
 */
public record Earnings(Money pending, Money available, Money onHold, Money paid, Money payoutThreshold,
                       List<CourseEarnings> byCourse, List<MonthEarnings> byMonth) {

    /**
     * One course's sales.
     *
     * @param courseId course
     * @param title    title
     * @param sales    sales not refunded
     * @param refunds  refunded sales
     * @param gross    what learners paid, tax included
     * @param earned   the instructor's share of sales and subscriptions
     * @param fromSubscriptions the part of {@code earned} that came from subscribers' study time
     * @param studySeconds      subscribers' study time that earned it
     */
    public record CourseEarnings(UUID courseId, String title, long sales, long refunds, Money gross, Money earned,
                                 Money fromSubscriptions, long studySeconds) {
    }

    /**
     * One month's sales.
     *
     * @param month  e.g. {@code 2026-11}
     * @param sales  sales not refunded
     * @param earned the instructor's share of sales and subscriptions
     * @param fromSubscriptions the part of {@code earned} from subscriptions (periods shared that month)
     */
    public record MonthEarnings(String month, long sales, Money earned, Money fromSubscriptions) {
    }
}
