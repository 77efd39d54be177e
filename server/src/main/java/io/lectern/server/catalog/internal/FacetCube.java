package io.lectern.server.catalog.internal;

import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The facet counts of browsing without words, from memory: published courses counted once per (category, level,
 * language, pricing, rating in tenths), refreshed in the background when older than the cache's time to live or
 * after a publish. Any combination of those filters then adds up a few thousand cells instead of scanning
 * 100,000 courses per request.
 */
final class FacetCube {

    /**
     * One cell: courses with these values.
     *
     * @param category      category slug
     * @param level         level
     * @param language      language tag
     * @param pricing       pricing
     * @param ratingTenths  average rating times ten, rounded down
     * @param count         courses
     */
    record Cell(String category, String level, String language, String pricing, int ratingTenths, long count) {
    }

    private record Snapshot(List<Cell> cells, long loadedAt) {
    }

    private final Platform platform;
    private final Duration ttl;
    private volatile Snapshot snapshot;
    private volatile boolean stale;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    FacetCube(Platform platform, Duration ttl) {
        this.platform = platform;
        this.ttl = ttl;
    }

    void stale() {
        stale = true;
    }

    /** Whether the cube can answer this search's facets: no words, and filters the cells can express. */
    static boolean answers(SearchRequest req) {
        return req.text().isEmpty() && req.instructor().isEmpty() && req.minPrice().isEmpty() && req.maxPrice().isEmpty()
                && req.minRating().map(r -> Math.abs(r * 10 - Math.round(r * 10)) < 1e-9).orElse(true);
    }

    /** The cells, loading them on first use and refreshing them in the background when old. */
    List<Cell> cells() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                return snapshot.cells();
            }
        }
        if ((stale || platform.clock().millis() - s.loadedAt() > ttl.toMillis()) && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().start(() -> {
                try {
                    stale = false;
                    snapshot = load();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return s.cells();
    }

    private Snapshot load() {
        long now = platform.clock().millis();
        List<Cell> cells = new ArrayList<>();
        try (var rows = platform.db().execute().query("""
                SELECT category, level, language, pricing, floor(rating_avg * 10)::int AS rating, count(*) AS n
                  FROM catalog.published_courses WHERE status = 'PUBLISHED'
                 GROUP BY 1, 2, 3, 4, 5""")) {
            rows.forEach(r -> cells.add(new Cell(Rows.text(r, "category"), Rows.text(r, "level"), Rows.text(r, "language"),
                    Rows.text(r, "pricing"), (int) Rows.number(r, "rating"), Rows.number(r, "n"))));
        }
        return new Snapshot(List.copyOf(cells), now);
    }

    /** Per-dimension counts as the facet query returns them: each dimension with every other filter applied. */
    Map<String, Map<String, Long>> count(SearchRequest req) {
        Map<String, Map<String, Long>> dims = new HashMap<>();
        Optional<Integer> minTenths = req.minRating().map(r -> (int) Math.round(r * 10));
        for (Cell c : cells()) {
            boolean cat = req.categories().isEmpty() || req.categories().contains(c.category());
            boolean lvl = req.levels().isEmpty() || req.levels().contains(c.level());
            boolean lang = req.languages().isEmpty() || req.languages().contains(c.language());
            boolean price = req.pricing().map(p -> p.name().equals(c.pricing())).orElse(true);
            boolean rating = minTenths.map(m -> c.ratingTenths() >= m).orElse(true);
            add(dims, "category", c.category(), c.count(), lvl && lang && price && rating);
            add(dims, "level", c.level(), c.count(), cat && lang && price && rating);
            add(dims, "language", c.language(), c.count(), cat && lvl && price && rating);
            add(dims, "price", c.pricing(), c.count(), cat && lvl && lang && rating);
            if (cat && lvl && lang && price) {
                for (String step : SearchFacetCounts.RATING_STEPS) {
                    if (c.ratingTenths() >= Math.round(Double.parseDouble(step) * 10)) {
                        add(dims, "rating", step, c.count(), true);
                    }
                }
            }
        }
        return dims;
    }

    private static void add(Map<String, Map<String, Long>> dims, String dim, String value, long n, boolean applies) {
        if (applies) {
            dims.computeIfAbsent(dim, k -> new HashMap<>()).merge(value, n, Long::sum);
        }
    }
}
