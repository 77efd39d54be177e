package io.lectern.server.catalog.internal.search;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.CourseSearchResult;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.server.catalog.internal.publishing.PublishedStore;
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
public final class CourseSearch {

    private final SearchStore store = new SearchStore();
    private final PublishedStore published;
    private final SearchFacetCounts facets;
    private final SpellingCorrection spelling;

    public CourseSearch(PublishedStore published, SearchFacetCounts facets, SpellingCorrection spelling) {
        this.published = published;
        this.facets = facets;
        this.spelling = spelling;
    }

    public CourseSearchResult search(DbExecute db, SearchRequest req) {
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
        SearchSort sort = effectiveSort(req);
        boolean combined = req.text().isPresent() && req.cursor().isEmpty();
        Sql sql = combined ? combinedSql(req) : pageSql(req);
        List<CourseSummary> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        String[] cells = new String[1];
        store.rows(db, sql, r -> {
            if (combined && "cells".equals(Rows.text(r, "kind"))) {
                cells[0] = Rows.text(r, "cells");
            } else {
                items.add(published.summary(r));
                keys.add(key(r, sort));
            }
        });
        String next = null;
        if (items.size() > req.limit()) {
            items.removeLast();
            next = new SearchCursor(sort, keys.get(req.limit() - 1), items.getLast().id()).encode();
        }
        if (req.cursor().isPresent()) {
            return new CourseSearchResult(items, next, -1, null, correctedQuery);
        }
        SearchFacetCounts.Counts counts = combined ? facets.assemble(db, req, cells[0]) : facets.count(db, req);
        return new CourseSearchResult(items, next, counts.total(), counts.facets(), correctedQuery);
    }

    private static SearchSort effectiveSort(SearchRequest req) {
        return req.text().isEmpty() && req.sort() == SearchSort.RELEVANCE ? SearchSort.NEWEST : req.sort();
    }

    /**
     * The page query: the matching courses' ids and sort keys in order after the cursor (one more than the page, to
     * know whether more follow), then their card columns for just those rows.
     */
    public static Sql pageSql(SearchRequest req) {
        SearchSort sort = effectiveSort(req);
        String key = sort.key("ts_rank(p.rank_vector, q.tsq)");
        Sql sql = req.withQuery().append(", hits AS (SELECT p.course_id, " + key + " AS sort_key FROM " + req.from()
                + " WHERE ").append(req.baseFilter()).append(req.facetFilters(null, "p"));
        req.cursor().ifPresent(c -> sql.append(" AND (" + key + ", p.course_id) " + sort.after() + " (?::" + sort.type()
                + ", ?::uuid)", c.key(), c.id()));
        String order = " ORDER BY sort_key " + sort.direction() + ", course_id " + sort.direction();
        sql.append(order + " LIMIT ?)", req.limit() + 1);
        return sql.append(" SELECT " + PublishedStore.SUMMARY_COLUMNS + ", hits.sort_key FROM hits"
                + " JOIN catalog.published_courses p ON p.course_id = hits.course_id" + order.replace("course_id",
                "p.course_id").replace("sort_key", "hits.sort_key"));
    }

    /**
     * A text search's first page in one statement: the matches are collected once (with their facet columns and sort
     * key), then both the page (with card columns for just its rows) and the facet cells (one JSON value in a row
     * of its own) come from them.
     */
    public static Sql combinedSql(SearchRequest req) {
        SearchSort sort = effectiveSort(req);
        String dir = " " + sort.direction();
        Sql sql = req.withQuery().append(", m AS MATERIALIZED (SELECT p.course_id, p.category, p.level, p.language, "
                + "p.pricing, p.rating_avg, " + sort.key("ts_rank(p.rank_vector, q.tsq)") + " AS sort_key FROM "
                + req.from() + " WHERE ").append(req.baseFilter()).append("), hits AS (SELECT course_id, sort_key "
                + "FROM m WHERE true").append(req.facetFilters(null, "m"))
                .append(" ORDER BY sort_key" + dir + ", course_id" + dir + " LIMIT ?)", req.limit() + 1);
        sql.append(" SELECT 'page' AS kind, " + PublishedStore.SUMMARY_COLUMNS + ", hits.sort_key, NULL::text AS "
                + "cells FROM hits JOIN catalog.published_courses p ON p.course_id = hits.course_id");
        String nulls = " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL,";
        sql.append(" UNION ALL SELECT 'cells'," + nulls + " (" + FacetCube.CELLS_AS_JSON + " FROM (")
                .append(FacetCube.cellCounts(req, "m", new Sql("m"))).append(") c)");
        return sql.append(" ORDER BY kind DESC, sort_key" + dir + ", course_id" + dir);
    }

    private static String key(DbRow r, SearchSort sort) {
        return switch (sort) {
            case NEWEST -> Rows.instant(r, "sort_key").toString();
            case RELEVANCE -> Float.toString(((Number) Rows.value(r, "sort_key")).floatValue());
            default -> Rows.text(r, "sort_key");
        };
    }

}
