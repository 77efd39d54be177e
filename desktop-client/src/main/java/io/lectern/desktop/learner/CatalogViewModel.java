package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.i18n.Messages;
import io.lectern.model.catalog.CourseSearchResult;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.FacetCount;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The catalog screen's state: the query and filters, results page by page, facet counts, and a status line that
 * says what is happening (searching, nothing found and what to try, offline). Stale answers of an older query are
 * dropped, so typing fast never shows the wrong results.
 */
public final class CatalogViewModel {

    private final CatalogClient catalog;
    private final Executor background;
    private final Executor ui;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty sort = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty correction = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final ObservableList<CourseSummary> results = FXCollections.observableArrayList();
    private final ObservableList<FacetSection> facets = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, String> chosen = FXCollections.observableMap(
            new java.util.LinkedHashMap<>());
    private final AtomicLong generation = new AtomicLong();
    private String cursor;

    private io.lectern.desktop.core.catalog.Thumbnails thumbnails;

    public CatalogViewModel(CatalogClient catalog, Executor background, Executor ui) {
        this.catalog = catalog;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty query() {
        return query;
    }

    /**
     * One group of filters with how many courses each value would leave.
     *
     * @param title  "Category", "Level", …
     * @param param  the search parameter it sets
     * @param values values with labels and counts
     */
    public record FacetSection(String title, String param, List<FacetCount> values) {
    }

    public StringProperty sort() {
        return sort;
    }

    public StringProperty status() {
        return status;
    }

    /** "Showing results for …" when the server corrected a misspelling. */
    public StringProperty correction() {
        return correction;
    }

    public BooleanProperty loading() {
        return loading;
    }

    public BooleanProperty hasMore() {
        return hasMore;
    }

    public ObservableList<CourseSummary> results() {
        return results;
    }

    /** Shows course thumbnails on the cards. */
    public CatalogViewModel withThumbnails(io.lectern.desktop.core.catalog.Thumbnails t) {
        this.thumbnails = t;
        return this;
    }

    /** Finds a thumbnail's URL in the background and hands it to {@code then} on the UI thread. */
    public void thumbnail(java.util.UUID mediaId, java.util.function.Consumer<String> then) {
        if (thumbnails == null || mediaId == null) {
            return;
        }
        background.execute(() -> thumbnails.url(mediaId).ifPresent(url -> ui.execute(() -> then.accept(url))));
    }

    /** The filter groups of the last search, with counts. */
    public ObservableList<FacetSection> facets() {
        return facets;
    }

    /** The filters chosen: parameter → value. */
    public javafx.collections.ObservableMap<String, String> chosen() {
        return chosen;
    }

    /** Sets a filter, or clears it when it was already set to {@code value}; then searches again. */
    public void choose(String param, String value) {
        if (value == null || value.equals(chosen.get(param))) {
            chosen.remove(param);
        } else {
            chosen.put(param, value);
        }
        search();
    }

    public void clearFilters() {
        chosen.clear();
        search();
    }

    /** Runs the current query from its first page (the view calls this as the learner types, debounced). */
    public void search() {
        long mine = generation.incrementAndGet();
        fetch(mine, null);
    }

    /** The next page, for infinite scroll. */
    public void loadMore() {
        if (!hasMore.get() || loading.get()) {
            return;
        }
        fetch(generation.get(), cursor);
    }

    private void fetch(long mine, String from) {
        loading.set(true);
        status.set(from == null ? tr("catalog.searching") : tr("catalog.loadingMore"));
        String q = query.get();
        String filter = filter();
        String order = sort.get();
        background.execute(() -> {
            try {
                CourseSearchResult r = catalog.search(q, filter, order, from);
                ui.execute(() -> show(mine, from, r));
            } catch (ApiError e) {
                ui.execute(() -> fail(mine, e.getMessage()));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> fail(mine, tr("catalog.offline")));
            } catch (SessionEndedException e) {
                ui.execute(() -> fail(mine, e.getMessage()));
            }
        });
    }

    private String filter() {
        StringBuilder f = new StringBuilder();
        chosen.forEach((k, v) -> f.append(f.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return f.toString();
    }

    static List<FacetSection> sections(io.lectern.model.catalog.SearchFacets f) {
        if (f == null) {
            return List.of();
        }
        List<FacetSection> out = new java.util.ArrayList<>();
        add(out, tr("catalog.facet.category"), "category", f.category());
        add(out, tr("catalog.facet.level"), "level", f.level());
        add(out, tr("catalog.facet.price"), "price", f.price());
        add(out, tr("catalog.facet.rating"), "minRating", f.minRating());
        add(out, tr("catalog.facet.language"), "language", f.language());
        return out;
    }

    private static void add(List<FacetSection> out, String title, String param, List<FacetCount> values) {
        if (values != null && !values.isEmpty()) {
            out.add(new FacetSection(title, param, values.stream()
                    .map(v -> new FacetCount(v.value(), label(param, v), v.count())).toList()));
        }
    }

    /** A filter value's name in the app's language; categories (named by admins) as the server sends them. */
    static String label(String param, FacetCount v) {
        String value = v.value() == null ? "" : v.value().toLowerCase(java.util.Locale.ROOT);
        return switch (param) {
            case "level", "price" -> Messages.has("catalog.facet." + param + "." + value)
                    ? tr("catalog.facet." + param + "." + value) : v.label();
            case "minRating" -> {
                try {
                    yield tr("catalog.facet.stars", Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    yield v.label();
                }
            }
            case "language" -> {
                String name = java.util.Locale.forLanguageTag(v.value()).getDisplayName(Messages.locale());
                yield name.isEmpty() || name.equals(v.value()) ? v.label()
                        : name.substring(0, 1).toUpperCase(Messages.locale()) + name.substring(1);
            }
            default -> v.label();
        };
    }

    private void show(long mine, String from, CourseSearchResult r) {
        if (mine != generation.get()) {
            return; // an older query's answer
        }
        if (from == null) {
            results.setAll(r.items());
            facets.setAll(sections(r.facets()));
        } else {
            results.addAll(r.items());
        }
        cursor = r.nextCursor();
        hasMore.set(r.nextCursor() != null);
        correction.set(r.correctedQuery() == null ? "" : tr("catalog.corrected", r.correctedQuery()));
        loading.set(false);
        status.set(results.isEmpty() ? (query.get().isBlank() ? tr("catalog.empty")
                : tr("catalog.noMatch", query.get().strip())) : tr("catalog.total", r.total()));
    }

    private void fail(long mine, String message) {
        if (mine != generation.get()) {
            return;
        }
        loading.set(false);
        status.set(message);
    }
}
