package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.i18n.MoneyText;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.catalog.Pricing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
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
import javafx.util.StringConverter;

/** The catalog: search as you type (debounced), filters with counts, sorting, cards with thumbnails, infinite scroll. */
public final class CatalogView {

    private final CatalogViewModel model;
    private final Consumer<CourseSummary> open;
    private final java.util.Map<java.util.UUID, javafx.scene.image.Image> images = new java.util.HashMap<>();

    public CatalogView(CatalogViewModel model, Consumer<CourseSummary> open) {
        this.model = model;
        this.open = open;
    }

    public Parent createView() {
        TextField search = new TextField();
        search.setId("catalog-search");
        search.setPromptText(tr("catalog.search.prompt"));
        search.textProperty().bindBidirectional(model.query());
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> model.search());
        model.query().addListener((obs, old, now) -> debounce.playFromStart());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.loading());
        HBox bar = new HBox(10, search, new Label(tr("catalog.sort")), sortChoice(), spinner);
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
        list.setCellFactory(v -> new CourseCell(model, images));
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
        Button more = new Button(tr("catalog.more"));
        more.visibleProperty().bind(model.hasMore());
        more.managedProperty().bind(model.hasMore());
        more.setOnAction(e -> model.loadMore());
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> {
            if (i.intValue() >= model.results().size() - 4) {
                model.loadMore(); // keyboard scrolling near the end fetches the next page
            }
        });

        Label title = new Label(tr("catalog.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        VBox results = new VBox(12, new HBox(12, status, correction), list, more);
        HBox.setHgrow(results, Priority.ALWAYS);
        VBox.setVgrow(results, Priority.ALWAYS);
        HBox body = new HBox(16, new FacetPanel(model).createView(), results);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox root = new VBox(12, title, bar, body);
        root.setPadding(new Insets(24));
        model.search();
        return root;
    }

    /** The {@code sort} values the server takes, in menu order, with their text keys. */
    private static final Map<String, String> SORTS = sorts("", "catalog.sort.relevance", "newest", "catalog.sort.newest",
            "rating", "catalog.sort.rating", "popularity", "catalog.sort.popularity", "price_asc", "catalog.sort.priceAsc",
            "price_desc", "catalog.sort.priceDesc");

    private static Map<String, String> sorts(String... valueThenKey) {
        Map<String, String> sorts = new LinkedHashMap<>();
        for (int i = 0; i < valueThenKey.length; i += 2) {
            sorts.put(valueThenKey[i], valueThenKey[i + 1]);
        }
        return sorts;
    }

    /** A menu of sort values, each shown by its translated name. */
    private ChoiceBox<String> sortChoice() {
        ChoiceBox<String> box = new ChoiceBox<>(FXCollections.observableArrayList(SORTS.keySet()));
        box.setId("catalog-sort");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String sort) {
                return sort == null ? "" : tr(SORTS.get(sort));
            }

            @Override
            public String fromString(String label) {
                throw new UnsupportedOperationException("the sort menu is not editable");
            }
        });
        box.setValue("");
        box.valueProperty().addListener((obs, old, sort) -> {
            model.sort().set(sort);
            model.search();
        });
        return box;
    }

    /** A result card: thumbnail, title, subtitle, instructors, level, rating and price. */
    private static final class CourseCell extends ListCell<CourseSummary> {
        private final CatalogViewModel model;
        private final java.util.Map<java.util.UUID, javafx.scene.image.Image> images;

        CourseCell(CatalogViewModel model, java.util.Map<java.util.UUID, javafx.scene.image.Image> images) {
            this.model = model;
            this.images = images;
        }

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
            Label meta = new Label(meta(c));
            meta.getStyleClass().add(Styles.TEXT_SMALL);
            Label price = new Label(c.pricing() == Pricing.FREE ? tr("catalog.price.free")
                    : c.pricing() == Pricing.SUBSCRIPTION ? tr("catalog.price.subscription") : MoneyText.of(c.price()));
            price.getStyleClass().add(Styles.TEXT_BOLD);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(14, thumbnail(c), new VBox(3, title, subtitle, meta), gap, price);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setPadding(new Insets(8, 4, 8, 4));
            setGraphic(row);
        }

        /** "Ada Byte  ·  beginner  ·  12 lessons  ·  ★ 4.5 (8)": instructors, level, lessons, rating when rated. */
        private static String meta(CourseSummary c) {
            String instructors = String.join(", ", c.instructors());
            String level = level(c.level());
            if (c.ratingCount() <= 0) {
                return tr("catalog.card.meta", instructors, level, c.lessonCount());
            }
            BigDecimal stars = BigDecimal.valueOf(c.rating()).setScale(1, RoundingMode.HALF_UP);
            return tr("catalog.card.metaRated", instructors, level, c.lessonCount(), stars, c.ratingCount());
        }

        private static String level(CourseLevel level) {
            if (level == null) {
                return "";
            }
            return switch (level) {
                case BEGINNER -> tr("catalog.level.beginner");
                case INTERMEDIATE -> tr("catalog.level.intermediate");
                case ADVANCED -> tr("catalog.level.advanced");
            };
        }

        /** The course's picture, or its initial on a tinted tile until (or unless) there is one. */
        private javafx.scene.Node thumbnail(CourseSummary c) {
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView();
            view.setFitWidth(THUMB_W);
            view.setFitHeight(THUMB_H);
            view.setPreserveRatio(false);
            Label initial = new Label(c.title().isEmpty() ? "?" : c.title().substring(0, 1).toUpperCase(Locale.ROOT));
            initial.getStyleClass().addAll(Styles.TITLE_3, Styles.TEXT_MUTED);
            javafx.scene.layout.StackPane tile = new javafx.scene.layout.StackPane(initial, view);
            tile.setMinSize(THUMB_W, THUMB_H);
            tile.setMaxSize(THUMB_W, THUMB_H);
            tile.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;");
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle(THUMB_W, THUMB_H);
            clip.setArcWidth(12);
            clip.setArcHeight(12);
            tile.setClip(clip);
            java.util.UUID media = c.thumbnailMediaId();
            if (media != null && images.containsKey(media)) {
                view.setImage(images.get(media));
            } else if (media != null) {
                model.thumbnail(media, url -> {
                    javafx.scene.image.Image image = images.computeIfAbsent(media, k -> new javafx.scene.image.Image(url,
                            THUMB_W * 2, THUMB_H * 2, true, true, true));
                    if (getItem() == c) {
                        view.setImage(image);
                    }
                });
            }
            return tile;
        }
    }

    private static final int THUMB_W = 128;
    private static final int THUMB_H = 72;
}
