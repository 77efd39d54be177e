package io.lectern.server.commerce.internal.revenue;

/**
 * How a tax-inclusive price divides: the tax it contains, the instructor's share of the rest and the platform's.
 * Tax is rounded half up; the instructor's share is rounded down, so the platform never pays out more than it got.
 *
 * @param price      what the learner paid, tax included
 * @param tax        tax contained in the price
 * @param instructor the instructor's share of the net
 * @param platform   the platform's share of the net
 */
public record SaleSplit(long price, long tax, long instructor, long platform) {

    public static SaleSplit of(long price, int taxBasisPoints, int instructorPercent) {
        long tax = (price * taxBasisPoints * 2 + (10_000L + taxBasisPoints)) / (2 * (10_000L + taxBasisPoints));
        long net = price - tax;
        long instructor = net * instructorPercent / 100;
        return new SaleSplit(price, tax, instructor, net - instructor);
    }
}
