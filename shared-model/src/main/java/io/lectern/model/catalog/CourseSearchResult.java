package io.lectern.model.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of catalog search results.
 *
 * @param items      courses on this page
 * @param nextCursor cursor for the next page, or null
 * @param total      courses matching the query and filters (first page only; -1 on later pages)
 * @param facets     counts for the filters (first page only)
 * @param correctedQuery when the query as typed found nothing, the corrected query whose results these are
 */
public record CourseSearchResult(List<CourseSummary> items, String nextCursor, long total,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) SearchFacets facets,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String correctedQuery) {

    public CourseSearchResult {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
