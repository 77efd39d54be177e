package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.model.catalog.FacetCount;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/** The filters beside the results: each group with its values and how many courses each would leave. */
final class FacetPanel {

    private final CatalogViewModel model;
    private final VBox groups = new VBox(14);

    FacetPanel(CatalogViewModel model) {
        this.model = model;
    }

    Parent createView() {
        groups.setId("catalog-facets");
        groups.setPrefWidth(210);
        model.facets().addListener((ListChangeListener<CatalogViewModel.FacetSection>) c -> draw());
        model.chosen().addListener((MapChangeListener<String, String>) c -> draw());
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(220);
        scroll.setPrefWidth(220);
        scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0;");
        return scroll;
    }

    private void draw() {
        groups.getChildren().clear();
        if (!model.chosen().isEmpty()) {
            Hyperlink clear = new Hyperlink(tr("catalog.clearFilters"));
            clear.setId("catalog-clear-filters");
            clear.setOnAction(e -> model.clearFilters());
            groups.getChildren().add(clear);
        }
        for (CatalogViewModel.FacetSection section : model.facets()) {
            Label title = new Label(section.title());
            title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
            VBox group = new VBox(2, title);
            for (FacetCount value : section.values()) {
                group.getChildren().add(option(section.param(), value));
            }
            groups.getChildren().add(group);
        }
    }

    private ToggleButton option(String param, FacetCount value) {
        ToggleButton b = new ToggleButton(tr("catalog.facet.option", value.label(), value.count()));
        b.setId("facet-" + param + "-" + value.value());
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        b.setSelected(value.value().equals(model.chosen().get(param)));
        b.setDisable(value.count() == 0 && !b.isSelected());
        b.setOnAction(e -> model.choose(param, value.value()));
        return b;
    }
}
