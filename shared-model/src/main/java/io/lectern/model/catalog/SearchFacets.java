package io.lectern.model.catalog;

import java.util.List;

/**
 * Counts per filter value. Each dimension is counted with the query and all other filters applied but not its
 * own, so a user can switch a filter and know what they will get.
 *
 * @param category  by category slug
 * @param level     by level
 * @param language  by language tag
 * @param price     {@code free} / {@code paid}
 * @param minRating at least 4.5, 4, 3.5, 3 stars
 */
public record SearchFacets(List<FacetCount> category, List<FacetCount> level, List<FacetCount> language,
                           List<FacetCount> price, List<FacetCount> minRating) {
}
