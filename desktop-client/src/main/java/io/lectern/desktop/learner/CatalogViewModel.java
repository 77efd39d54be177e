package io.lectern.desktop.learner;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
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
    private final StringProperty level = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty sort = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty correction = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final ObservableList<CourseSummary> results = FXCollections.observableArrayList();
    private final ObservableList<FacetCount> levels = FXCollections.observableArrayList();
    private final AtomicLong generation = new AtomicLong();
    private String cursor;

    public CatalogViewModel(CatalogClient catalog, Executor background, Executor ui) {
        this.catalog = catalog;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty query() {
        return query;
    }

    /** Level filter: "", beginner, intermediate or advanced. */
    public StringProperty level() {
        return level;
    }

    /** Price filter: "", free or paid. */
    public StringProperty price() {
        return price;
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

    public ObservableList<FacetCount> levels() {
        return levels;
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
        status.set(from == null ? "Searching…" : "Loading more…");
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
                ui.execute(() -> fail(mine, "The server cannot be reached; check your connection and try again."));
            } catch (SessionEndedException e) {
                ui.execute(() -> fail(mine, e.getMessage()));
            }
        });
    }

    private String filter() {
        StringBuilder f = new StringBuilder();
        if (!level.get().isBlank()) {
            f.append("level=").append(level.get());
        }
        if (!price.get().isBlank()) {
            f.append(f.isEmpty() ? "" : "&").append("price=").append(price.get());
        }
        return f.toString();
    }

    private void show(long mine, String from, CourseSearchResult r) {
        if (mine != generation.get()) {
            return; // an older query's answer
        }
        if (from == null) {
            results.setAll(r.items());
            levels.setAll(r.facets() == null || r.facets().level() == null ? List.of() : r.facets().level());
        } else {
            results.addAll(r.items());
        }
        cursor = r.nextCursor();
        hasMore.set(r.nextCursor() != null);
        correction.set(r.correctedQuery() == null ? "" : "Showing results for \u201c" + r.correctedQuery() + "\u201d");
        loading.set(false);
        status.set(results.isEmpty() ? (query.get().isBlank() ? "No courses yet."
                : "No courses match \u201c" + query.get().strip() + "\u201d. Try fewer or different words.")
                : r.total() + (r.total() == 1 ? " course" : " courses"));
    }

    private void fail(long mine, String message) {
        if (mine != generation.get()) {
            return;
        }
        loading.set(false);
        status.set(message);
    }
}
