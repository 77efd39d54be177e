package io.lectern.server.catalog.internal.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.db.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Facet counts from cells: courses counted once per (category, level, language, pricing, rating floor), then each
 * dimension added up with every other filter applied but not its own, so each count says what choosing that value
 * would give. Browsing without words keeps the cells of the whole catalog in memory (rating floors in tenths),
 * refreshed in the background when older than the cache's time to live or after a publish: any combination of
 * filters then adds up a few thousand cells instead of scanning 100,000 courses per request. A search with words
 * has the database count its matches into cells ({@link #cellCounts}), one pass however many filters it has.
 */
public final class FacetCube {

    /**
     * One cell: courses with these values.
     *
     * @param category      category slug
     * @param level         level
     * @param language      language tag
     * @param pricing       pricing
     * @param ratingFloor   a rating threshold in hundredths the courses' average reaches (0: none)
     * @param count         courses
     */
    public record Cell(String category, String level, String language, String pricing, int ratingFloor, long count) {
    }

    private record Snapshot(List<Cell> cells, long loadedAt) {
    }

    private final Database db;
    private final SearchStore store = new SearchStore();
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private volatile Snapshot snapshot;
    private volatile boolean stale;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    public FacetCube(Database db, Clock clock, Json jsonIo, Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.mapper = jsonIo.objectMapper();
        this.ttl = ttl;
    }

    public void stale() {
        stale = true;
    }

    /** Whether the cube can answer this search's facets: no words, and filters the cells can express. */
    public static boolean answers(SearchRequest req) {
        return req.text().isEmpty() && req.instructor().isEmpty() && req.minPrice().isEmpty() && req.maxPrice().isEmpty()
                && req.minRating().map(r -> Math.abs(r * 10 - Math.round(r * 10)) < 1e-9).orElse(true);
    }

    /**
     * The cells: loaded on first use and right after a change (a publish, an archive, a rating), so what changed
     * counts at once; refreshed in the background when merely old (enrollment counts and the like).
     */
    public List<Cell> cells() {
        Snapshot s = snapshot;
        if (s == null || stale) {
            synchronized (this) {
                if (snapshot == null || stale) {
                    stale = false; // a change after this line sets it again, and the next read loads again
                    snapshot = load();
                }
                return snapshot.cells();
            }
        }
        if (clock.millis() - s.loadedAt() > ttl.toMillis() && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().start(() -> {
                try {
                    Snapshot fresh = load();
                    synchronized (this) {
                        if (snapshot.loadedAt() <= fresh.loadedAt() && !stale) {
                            snapshot = fresh;
                        }
                    }
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return s.cells();
    }

    private Snapshot load() {
        long now = clock.millis();
        String json = store.catalogCells(db.execute());
        return new Snapshot(List.copyOf(readCells(json)), now);
    }

    /**
     * The statement that counts the courses {@code from} ({@code alias} naming them) into cells: the rating floor is
     * the highest of the facet's steps and the request's minimum rating that the course's average reaches, so both
     * compare exactly. Its rows, as {@code c}, go into one value with {@link #CELLS_AS_JSON}.
     */
    public static Sql cellCounts(SearchRequest req, String alias, Sql from) {
        TreeSet<Integer> floors = new TreeSet<>(java.util.Comparator.reverseOrder());
        SearchFacetCounts.RATING_STEPS.forEach(s -> floors.add(hundredths(Double.parseDouble(s))));
        req.minRating().ifPresent(r -> floors.add(hundredths(r)));
        Sql sql = new Sql("SELECT " + alias + ".category AS cell_category, " + alias + ".level AS cell_level, " + alias
                + ".language AS cell_language, " + alias + ".pricing AS cell_pricing, CASE");
        // thresholds as numerics like rating_avg: multiplying each match's average by 100 first took a quarter of the count
        floors.forEach(f -> sql.append(" WHEN " + alias + ".rating_avg >= ? THEN ?", java.math.BigDecimal.valueOf(f, 2), f));
        return sql.append(" ELSE 0 END AS cell_rating, count(*) AS n FROM ").append(from).append(" GROUP BY 1, 2, 3, 4, 5");
    }

    /**
     * {@link #cellCounts}'s rows (as {@code c}) in one JSON array of arrays, named {@code cells}, which {@link #readCells}
     * reads: as rows of their own, a broad search's 150 cells cost the server more than the rest of its answer (the
     * database client builds every column of every row).
     */
    static final String CELLS_AS_JSON = "SELECT coalesce(json_agg(json_build_array(c.cell_category, c.cell_level, "
            + "c.cell_language, c.cell_pricing, c.cell_rating, c.n)), '[]')::text AS cells";

    /** The cells of a {@link #CELLS_AS_JSON} value. */
    public List<Cell> readCells(String json) {
        List<Cell> cells = new ArrayList<>();
        try {
            for (JsonNode c : mapper.readTree(json)) {
                cells.add(new Cell(c.get(0).asText(), c.get(1).asText(), c.get(2).asText(), c.get(3).asText(),
                        c.get(4).asInt(), c.get(5).asLong()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facet cells from the database are not JSON", e);
        }
        return cells;
    }

    /** Per-dimension counts of the catalog's cells for a search without words ({@link #answers}). */
    public Map<String, Map<String, Long>> count(SearchRequest req) {
        return count(cells(), req);
    }

    /** Per-dimension counts from {@code cells}: each dimension with every other filter applied. */
    public static Map<String, Map<String, Long>> count(List<Cell> cells, SearchRequest req) {
        Map<String, Map<String, Long>> dims = new HashMap<>();
        Optional<Integer> minFloor = req.minRating().map(FacetCube::hundredths);
        for (Cell c : cells) {
            boolean cat = req.categories().isEmpty() || req.categories().contains(c.category());
            boolean lvl = req.levels().isEmpty() || req.levels().contains(c.level());
            boolean lang = req.languages().isEmpty() || req.languages().contains(c.language());
            boolean price = req.pricing().map(p -> p.name().equals(c.pricing())).orElse(true);
            boolean rating = minFloor.map(m -> c.ratingFloor() >= m).orElse(true);
            add(dims, "category", c.category(), c.count(), lvl && lang && price && rating);
            add(dims, "level", c.level(), c.count(), cat && lang && price && rating);
            add(dims, "language", c.language(), c.count(), cat && lvl && price && rating);
            add(dims, "price", c.pricing(), c.count(), cat && lvl && lang && rating);
            if (cat && lvl && lang && price) {
                for (String step : SearchFacetCounts.RATING_STEPS) {
                    if (c.ratingFloor() >= hundredths(Double.parseDouble(step))) {
                        add(dims, "rating", step, c.count(), true);
                    }
                }
            }
        }
        return dims;
    }

    /** The lowest average in hundredths (averages have two decimals) that reaches {@code rating}. */
    private static int hundredths(double rating) {
        return (int) Math.ceil(rating * 100 - 1e-9);
    }

    private static void add(Map<String, Map<String, Long>> dims, String dim, String value, long n, boolean applies) {
        if (applies) {
            dims.computeIfAbsent(dim, k -> new HashMap<>()).merge(value, n, Long::sum);
        }
    }
}
