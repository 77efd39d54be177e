package io.lectern.server.learning.internal.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Watched ranges in whole seconds: parsed from {@code [from, to]} pairs, clipped to the video, merged, and written
 * as a PostgreSQL {@code int4multirange} literal so the database unions them with what it already has.
 */
public final class Ranges {

    static final int MAX_PER_EVENT = 500;
    static final String RULE = "Each watched range is [from, to] seconds within the video with from <= to; at most "
            + MAX_PER_EVENT + " ranges at a time.";
    private static final double SLACK = 2;

    private Ranges() {
    }

    /** Whole-second ranges {@code [from, to)} of the pairs, or empty when a pair is not a range of this video. */
    public static Optional<List<int[]>> parse(List<List<Double>> pairs, int durationSec) {
        List<int[]> out = new ArrayList<>();
        if (pairs == null) {
            return Optional.of(out);
        }
        if (pairs.size() > MAX_PER_EVENT) {
            return Optional.empty();
        }
        double limit = durationSec > 0 ? durationSec + SLACK : Double.MAX_VALUE;
        for (List<Double> p : pairs) {
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null || !Double.isFinite(p.get(0))
                    || !Double.isFinite(p.get(1)) || p.get(0) < 0 || p.get(1) < p.get(0) || p.get(1) > limit) {
                return Optional.empty();
            }
            int from = (int) Math.floor(p.get(0));
            int to = (int) Math.min(Math.ceil(p.get(1)), durationSec > 0 ? durationSec : Integer.MAX_VALUE);
            if (to > from) {
                out.add(new int[] {from, to});
            }
        }
        return Optional.of(out);
    }

    /** PDF pages (from 1) as ranges of one page each; empty when a page is not in the document. */
    public static Optional<List<int[]>> pages(List<Integer> pages, int pageCount) {
        List<int[]> out = new ArrayList<>();
        if (pages == null) {
            return Optional.of(out);
        }
        if (pages.size() > 5_000 || pageCount <= 0) {
            return Optional.empty();
        }
        for (Integer p : pages) {
            if (p == null || p < 1 || p > pageCount) {
                return Optional.empty();
            }
            out.add(new int[] {p - 1, p});
        }
        return Optional.of(out);
    }

    static List<int[]> union(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : sorted) {
            if (!merged.isEmpty() && r[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }

    static String literal(List<int[]> ranges) {
        StringBuilder b = new StringBuilder("{");
        for (int[] r : union(ranges)) {
            b.append(b.length() > 1 ? "," : "").append('[').append(r[0]).append(',').append(r[1]).append(')');
        }
        return b.append('}').toString();
    }
}
