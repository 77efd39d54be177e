package io.lectern.server.media.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Range} header (RFC 9110 §14.2) for a representation of {@code size} bytes: {@code bytes=0-499},
 * {@code bytes=500-}, {@code bytes=-500} and lists of them. Overlapping or adjacent ranges are merged; a header that
 * is not a byte range is ignored (the whole file is sent); ranges that all start past the end are unsatisfiable.
 */
final class ByteRanges {

    /**
     * One range, inclusive.
     *
     * @param first first byte
     * @param last  last byte
     */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** What to send. */
    sealed interface Outcome permits Whole, Partial, Unsatisfiable {
    }

    /** No usable Range header: 200 with everything. */
    record Whole() implements Outcome {
    }

    /**
     * 206 with these ranges (one: a plain body; several: multipart/byteranges).
     *
     * @param ranges merged ranges in order
     */
    record Partial(List<Range> ranges) implements Outcome {
    }

    /** 416. */
    record Unsatisfiable() implements Outcome {
    }

    private static final int MAX_RANGES = 32;

    private ByteRanges() {
    }

    static Outcome parse(Optional<String> header, long size) {
        if (header.isEmpty() || !header.get().strip().startsWith("bytes=")) {
            return new Whole();
        }
        String[] specs = header.get().strip().substring(6).split(",");
        if (specs.length > MAX_RANGES) {
            return new Whole();
        }
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.strip();
            int dash = s.indexOf('-');
            if (dash < 0 || !s.matches("\\d{0,19}-\\d{0,19}") || s.equals("-")) {
                return new Whole(); // syntactically invalid: ignore the header
            }
            String a = s.substring(0, dash);
            String b = s.substring(dash + 1);
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n > 0 && size > 0) {
                    ranges.add(new Range(Math.max(0, size - n), size - 1));
                }
                continue;
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (!b.isEmpty() && Long.parseLong(b) < first) {
                return new Whole();
            }
            if (first < size) {
                ranges.add(new Range(first, last));
            }
        }
        return ranges.isEmpty() ? new Unsatisfiable() : new Partial(merge(ranges));
    }

    private static List<Range> merge(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort((x, y) -> Long.compare(x.first(), y.first()));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            if (!merged.isEmpty() && r.first() <= merged.getLast().last() + 1) {
                Range prev = merged.removeLast();
                merged.add(new Range(prev.first(), Math.max(prev.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
