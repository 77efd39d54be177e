package io.lectern.model.catalog;

import java.util.List;

/**
 * Visible reviews of a course summed up.
 *
 * @param average   mean stars (0 when there are none), two decimals
 * @param count     number of visible reviews
 * @param histogram counts of 1, 2, 3, 4 and 5 stars
 */
public record RatingSummary(double average, int count, List<Integer> histogram) {

    public RatingSummary {
        histogram = histogram == null ? List.of(0, 0, 0, 0, 0) : List.copyOf(histogram);
    }
}
