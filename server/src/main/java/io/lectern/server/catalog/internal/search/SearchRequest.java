package io.lectern.server.catalog.internal.search;

import io.lectern.model.catalog.Pricing;
import io.lectern.server.platform.db.Sql;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A catalog search as the client asked for it: text, filters, sort and page.
 *
 * @param text       what the learner typed (already length-checked), if anything
 * @param categories category slugs (any of)
 * @param levels     levels (any of)
 * @param languages  language tags (any of)
 * @param pricing    free, paid (one-time) or subscription
 * @param minPrice   lowest price in minor units
 * @param maxPrice   highest price in minor units
 * @param minRating  lowest average rating
 * @param instructor an instructor's id
 * @param sort       order of results
 * @param limit      page size
 * @param cursor     where the previous page ended, if this is not the first page
 */
public record SearchRequest(Optional<String> text, List<String> categories, List<String> levels, List<String> languages,
                     Optional<Pricing> pricing, Optional<Long> minPrice, Optional<Long> maxPrice,
                     Optional<Double> minRating, Optional<UUID> instructor, SearchSort sort, int limit,
                     Optional<SearchCursor> cursor) {

    /**
     * The search in a canonical form (words folded to lower case and single spaces, filters sorted), so the same
     * search typed or ordered differently shares one cache entry.
     */
    public String cacheKey() {
        return String.join("|", text.map(t -> String.join(" ", t.toLowerCase(java.util.Locale.ROOT).strip()
                        .split("\\s+"))).orElse(""), String.join(",", categories.stream().sorted().toList()),
                String.join(",", levels.stream().sorted().toList()), String.join(",", languages.stream().sorted().toList()),
                pricing.map(Enum::name).orElse(""), minPrice.map(String::valueOf).orElse(""),
                maxPrice.map(String::valueOf).orElse(""), minRating.map(String::valueOf).orElse(""),
                instructor.map(String::valueOf).orElse(""), sort.name(), Integer.toString(limit));
    }

    /** The same search for other text (the spelling correction's). */
    public SearchRequest withText(String corrected) {
        return new SearchRequest(Optional.of(corrected), categories, levels, languages, pricing, minPrice, maxPrice,
                minRating, instructor, sort, limit, cursor);
    }

    /**
     * The statement's opening: {@code q.tsq} is the full-text query for {@code text}, stemmed in the searched
     * language and also as typed, computed once per statement (not per row). MATERIALIZED matters: the driver
     * prepares statements it sees often, PostgreSQL then plans them generically, and a generic plan of an inlined
     * {@code q} computes the query again for every matching row (2.6 times slower at 6,000 matches).
     */
    public Sql withQuery() {
        if (text.isEmpty()) {
            return new Sql("WITH q AS (SELECT NULL::tsquery AS tsq)");
        }
        String lang = languages.isEmpty() ? "en" : languages.getFirst();
        String t = text.get();
        return new Sql("WITH q AS MATERIALIZED (SELECT websearch_to_tsquery(catalog.search_config(?), catalog.fold(?))"
                + " || websearch_to_tsquery('simple', catalog.fold(?)) AS tsq)", lang, t, t);
    }

    /** The courses to search, with the query beside them when there is text. */
    public String from() {
        return text.isPresent() ? "catalog.published_courses p CROSS JOIN q" : "catalog.published_courses p";
    }

    /** Filters that are not facets: text, instructor and price range (they apply to every facet count). */
    public Sql baseFilter() {
        Sql sql = new Sql("p.status = 'PUBLISHED'");
        text.ifPresent(t -> sql.append(" AND p.search @@ q.tsq"));
        instructor.ifPresent(i -> sql.append(" AND p.instructor_ids @> ARRAY[?]::uuid[]", i));
        minPrice.ifPresent(m -> sql.append(" AND p.price_minor >= ?", m));
        maxPrice.ifPresent(m -> sql.append(" AND p.price_minor <= ?", m));
        return sql;
    }

    /** The facet filters except {@code skip} ({@code null}: all of them), as "AND ..." text. */
    public Sql facetFilters(String skip, String alias) {
        Sql sql = new Sql("");
        if (!"category".equals(skip) && !categories.isEmpty()) {
            sql.append(" AND " + alias + ".category = ANY(?::text[])", (Object) categories.toArray(String[]::new));
        }
        if (!"level".equals(skip) && !levels.isEmpty()) {
            sql.append(" AND " + alias + ".level = ANY(?::text[])", (Object) levels.toArray(String[]::new));
        }
        if (!"language".equals(skip) && !languages.isEmpty()) {
            sql.append(" AND " + alias + ".language = ANY(?::text[])", (Object) languages.toArray(String[]::new));
        }
        if (!"price".equals(skip)) {
            pricing.ifPresent(pr -> sql.append(" AND " + alias + ".pricing = ?", pr.name()));
        }
        if (!"rating".equals(skip)) {
            minRating.ifPresent(r -> sql.append(" AND " + alias + ".rating_avg >= ?", r));
        }
        return sql;
    }
}
