package io.lectern.server.catalog.internal;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.CourseSearchResult;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.SearchFacets;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Catalog search on PostgreSQL: a weighted full-text match (title, then subtitle and tags, then instructor and
 * category names, then description; stemmed in the course's language and also as typed), filters, six sort
 * orders with keyset pages, facet counts on the first page, and a spelling correction from the lexicon when the
 * text as typed finds nothing.
 */
final class CourseSearch {

    private final PublishedRepository published;
    private final SearchFacetCounts facets;
    private final SpellingCorrection spelling;

    CourseSearch(PublishedRepository published, SearchFacetCounts facets, SpellingCorrection spelling) {
        this.published = published;
        this.facets = facets;
        this.spelling = spelling;
    }

    CourseSearchResult search(DbExecute db, SearchRequest req) {
        CourseSearchResult result = run(db, req, null);
        if (result.total() == 0 && req.text().isPresent() && req.cursor().isEmpty()) {
            Optional<String> corrected = spelling.correct(db, req.text().get());
            if (corrected.isPresent()) {
                CourseSearchResult second = run(db, req.withText(corrected.get()), corrected.get());
                if (second.total() > 0) {
                    return second;
                }
            }
        }
        return result;
    }

    private CourseSearchResult run(DbExecute db, SearchRequest req, String correctedQuery) {
        SearchSort sort = req.text().isEmpty() && req.sort() == SearchSort.RELEVANCE ? SearchSort.NEWEST : req.sort();
        String rank = req.text().isPresent() ? "ts_rank(p.search, " + req.tsQuery().text() + ")" : "0";
        Sql sql = new Sql("SELECT " + PublishedRepository.SUMMARY_COLUMNS);
        if (sort == SearchSort.RELEVANCE) {
            sql.append(", " + rank + " AS sort_key", req.tsQuery().params());
        } else {
            sql.append(", " + sort.key(rank) + " AS sort_key");
        }
        sql.append(" FROM catalog.published_courses p WHERE ").append(req.baseFilter()).append(req.facetFilters(null, "p"));
        req.cursor().ifPresent(c -> {
            sql.append(" AND (" + sort.key(rank) + ", p.course_id) " + sort.after() + " (?::" + sort.type() + ", ?::uuid)");
            if (sort == SearchSort.RELEVANCE) {
                sql.append("", req.tsQuery().params());
            }
            sql.append("", c.key(), c.id());
        });
        sql.append(" ORDER BY sort_key " + sort.direction() + ", p.course_id " + sort.direction() + " LIMIT ?",
                req.limit() + 1);
        List<CourseSummary> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (var rows = db.query(sql.text(), sql.params())) {
            rows.forEach(r -> {
                items.add(published.summary(r));
                keys.add(key(r, sort));
            });
        }
        String next = null;
        if (items.size() > req.limit()) {
            items.removeLast();
            next = new SearchCursor(sort, keys.get(req.limit() - 1), items.getLast().id()).encode();
        }
        if (req.cursor().isPresent()) {
            return new CourseSearchResult(items, next, -1, null, correctedQuery);
        }
        SearchFacetCounts.Counts counts = facets.count(db, req);
        return new CourseSearchResult(items, next, counts.total(), counts.facets(), correctedQuery);
    }

    private static String key(DbRow r, SearchSort sort) {
        return switch (sort) {
            case NEWEST -> Rows.instant(r, "sort_key").toString();
            case RELEVANCE -> Float.toString(((Number) Rows.value(r, "sort_key")).floatValue());
            default -> Rows.text(r, "sort_key");
        };
    }

    /** Facets for an empty result. */
    static SearchFacets noFacets() {
        return new SearchFacets(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
