package io.lectern.server.catalog.internal.search;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.FacetCount;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.catalog.SearchFacets;
import io.lectern.server.catalog.internal.CatalogCaches;
import io.lectern.server.catalog.internal.categories.CategoryStore;
import io.lectern.server.platform.cache.ReadCache;
import io.lectern.server.platform.db.Sql;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Facet counts of a search: the matching courses counted into cells in one statement (or, browsing without words,
 * the catalog's cells in memory), then added up per dimension by {@link FacetCube}. The total is the category
 * counts of the chosen categories.
 */
public final class SearchFacetCounts {

    static final List<String> RATING_STEPS = List.of("4.5", "4.0", "3.5", "3.0");

    /**
     * Counts of one search.
     *
     * @param total  courses matching everything
     * @param facets per-dimension counts
     */
    public record Counts(long total, SearchFacets facets) {
    }

    private final SearchStore store = new SearchStore();
    private final CategoryStore categories;
    private final FacetCube cube;
    private final ReadCache<String, List<io.lectern.model.catalog.Category>> names;

    public SearchFacetCounts(CategoryStore categories, FacetCube cube, java.time.Clock clock) {
        this.categories = categories;
        this.cube = cube;
        this.names = new ReadCache<>(CatalogCaches.TTL, 1, clock);
    }

    public Counts count(DbExecute db, SearchRequest req) {
        return assemble(db, req, FacetCube.answers(req) ? cube.count(req) : counted(db, req));
    }

    /** Counts from per-dimension values, however they were counted. */
    public Counts assemble(DbExecute db, SearchRequest req, Map<String, Map<String, Long>> dims) {
        Map<String, Long> byCategory = dims.getOrDefault("category", Map.of());
        long total = byCategory.entrySet().stream()
                .filter(e -> req.categories().isEmpty() || req.categories().contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        return new Counts(total, new SearchFacets(categoryFacets(db, byCategory),
                facets(dims.get("level"), v -> v.charAt(0) + v.substring(1).toLowerCase(Locale.ROOT)),
                facets(dims.get("language"), v -> Locale.forLanguageTag(v).getDisplayName(Locale.ENGLISH)),
                priceFacets(dims.getOrDefault("price", Map.of())), ratingFacets(dims.getOrDefault("rating", Map.of()))));
    }

    /** Counts from the cells of a search's matches, as {@link FacetCube#CELLS_AS_JSON} gives them. */
    public Counts assemble(DbExecute db, SearchRequest req, String cellsJson) {
        return assemble(db, req, FacetCube.count(cube.readCells(cellsJson), req));
    }

    private Map<String, Map<String, Long>> counted(DbExecute db, SearchRequest req) {
        Sql sql = req.withQuery().append(" " + FacetCube.CELLS_AS_JSON + " FROM (").append(FacetCube.cellCounts(req, "p",
                new Sql(req.from() + " WHERE ").append(req.baseFilter()))).append(") c");
        String json = store.cells(db, sql);
        return FacetCube.count(cube.readCells(json), req);
    }

    private List<FacetCount> categoryFacets(DbExecute db, Map<String, Long> counts) {
        List<FacetCount> list = new ArrayList<>();
        names.get("all", () -> categories.names(db), x -> null).forEach(c -> {
            if (counts.containsKey(c.slug())) {
                list.add(new FacetCount(c.slug(), c.name(), counts.get(c.slug())));
            }
        });
        return list;
    }

    private static List<FacetCount> facets(Map<String, Long> counts, java.util.function.UnaryOperator<String> label) {
        if (counts == null) {
            return List.of();
        }
        return counts.entrySet().stream().map(e -> new FacetCount(e.getKey(), label.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(FacetCount::count).reversed().thenComparing(FacetCount::value)).toList();
    }

    private static List<FacetCount> priceFacets(Map<String, Long> counts) {
        List<FacetCount> list = new ArrayList<>();
        for (Pricing p : Pricing.values()) {
            if (counts.containsKey(p.name())) {
                list.add(new FacetCount(SearchParams.priceValue(p), SearchParams.priceLabel(p), counts.get(p.name())));
            }
        }
        return list;
    }

    private static List<FacetCount> ratingFacets(Map<String, Long> counts) {
        List<FacetCount> list = new ArrayList<>();
        for (String step : RATING_STEPS) {
            long n = counts.entrySet().stream().filter(e -> Double.parseDouble(e.getKey()) == Double.parseDouble(step))
                    .mapToLong(Map.Entry::getValue).sum();
            list.add(new FacetCount(step, step + " stars & up", n));
        }
        return list;
    }
}
