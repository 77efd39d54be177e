package io.lectern.model.catalog;

/**
 * How many results a filter value would give.
 *
 * @param value the filter's query value
 * @param label a display label
 * @param count matching courses with every other filter applied
 */
public record FacetCount(String value, String label, long count) {
}
