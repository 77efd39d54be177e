package io.lectern.desktop.learner;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.commerce.MoneyText;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.Pricing;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The catalog: search as you type (debounced), level and price filters, result cards, infinite scroll. */
public final class CatalogView {

    private final CatalogViewModel model;
    private final Consumer<CourseSummary> open;

    public CatalogView(CatalogViewModel model, Consumer<CourseSummary> open) {
        this.model = model;
        this.open = open;
    }

    public Parent createView() {
        TextField search = new TextField();
        search.setId("catalog-search");
        search.setPromptText("Search courses, topics or instructors");
        search.textProperty().bindBidirectional(model.query());
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> model.search());
        model.query().addListener((obs, old, now) -> debounce.playFromStart());
        ChoiceBox<String> level = choice(model.level(), "Any level", "beginner", "intermediate", "advanced");
        ChoiceBox<String> price = choice(model.price(), "Any price", "free", "paid");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.loading());
        HBox bar = new HBox(10, search, level, price, spinner);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("catalog-status");
        status.textProperty().bind(model.status());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label correction = new Label();
        correction.textProperty().bind(model.correction());
        correction.getStyleClass().add(Styles.ACCENT);

        ListView<CourseSummary> list = new ListView<>(model.results());
        list.setId("catalog-results");
        list.setCellFactory(v -> new CourseCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button more = new Button("Show more");
        more.visibleProperty().bind(model.hasMore());
        more.managedProperty().bind(model.hasMore());
        more.setOnAction(e -> model.loadMore());
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> {
            if (i.intValue() >= model.results().size() - 4) {
                model.loadMore(); // keyboard scrolling near the end fetches the next page
            }
        });

        Label title = new Label("Catalog");
        title.getStyleClass().add(Styles.TITLE_2);
        VBox root = new VBox(12, title, bar, new HBox(12, status, correction), list, more);
        root.setPadding(new Insets(24));
        model.search();
        return root;
    }

    private ChoiceBox<String> choice(javafx.beans.property.StringProperty target, String any, String... values) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.getItems().add(any);
        box.getItems().addAll(values);
        box.setValue(any);
        box.valueProperty().addListener((obs, old, v) -> {
            target.set(v == null || v.equals(any) ? "" : v);
            model.search();
        });
        return box;
    }

    /** A result card: title, subtitle, instructors, level, rating and price. */
    private static final class CourseCell extends ListCell<CourseSummary> {
        @Override
        protected void updateItem(CourseSummary c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            Label title = new Label(c.title());
            title.getStyleClass().add(Styles.TITLE_4);
            Label subtitle = new Label(c.subtitle() == null ? "" : c.subtitle());
            subtitle.getStyleClass().add(Styles.TEXT_MUTED);
            Label meta = new Label(String.join(", ", c.instructors()) + "  ·  "
                    + (c.level() == null ? "" : c.level().name().toLowerCase(Locale.ROOT)) + "  ·  "
                    + c.lessonCount() + " lessons" + (c.ratingCount() > 0 ? String.format(Locale.ROOT,
                    "  ·  \u2605 %.1f (%d)", c.rating(), c.ratingCount()) : ""));
            meta.getStyleClass().add(Styles.TEXT_SMALL);
            Label price = new Label(c.pricing() == Pricing.FREE ? "Free" : c.pricing() == Pricing.SUBSCRIPTION
                    ? "Subscription" : MoneyText.of(c.price()));
            price.getStyleClass().add(Styles.TEXT_BOLD);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(new VBox(3, title, subtitle, meta), gap, price);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(8, 4, 8, 4));
            setGraphic(row);
        }
    }
}
