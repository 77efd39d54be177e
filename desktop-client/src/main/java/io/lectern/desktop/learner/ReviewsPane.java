package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Reviews on a course page, and (for enrolled learners) a line to write one. */
final class ReviewsPane {

    private final ReviewsViewModel model;
    private final BooleanExpression mayReview;

    ReviewsPane(ReviewsViewModel model, BooleanExpression mayReview) {
        this.model = model;
        this.mayReview = mayReview;
    }

    Parent createView() {
        Label title = new Label(tr("reviews.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        ListView<String> list = new ListView<>(model.reviews());
        list.setId("course-reviews");
        list.setPrefHeight(160);
        list.setPlaceholder(EmptyState.of(tr("reviews.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                    setGraphic(null);
                    return;
                }
                Label text = new Label(line);
                text.setWrapText(true);
                text.setMaxWidth(760);
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                setGraphic(text);
            }
        });
        ChoiceBox<Integer> stars = new ChoiceBox<>();
        stars.getItems().addAll(5, 4, 3, 2, 1);
        stars.setValue(5);
        stars.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : "\u2605".repeat(n);
            }

            @Override
            public Integer fromString(String s) {
                return s.length();
            }
        });
        stars.valueProperty().addListener((obs, old, n) -> model.rating().set(n));
        TextField text = new TextField();
        text.setId("review-text");
        text.setPromptText(tr("reviews.prompt"));
        text.textProperty().bindBidirectional(model.text());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button post = new Button(tr("reviews.post"));
        post.setId("review-post");
        post.setOnAction(e -> model.post());
        Label said = new Label();
        said.getStyleClass().add(Styles.TEXT_MUTED);
        said.textProperty().bind(model.message());
        HBox write = new HBox(8, stars, text, post);
        write.setAlignment(Pos.CENTER_LEFT);
        write.visibleProperty().bind(mayReview);
        write.managedProperty().bind(mayReview);
        return new VBox(8, title, list, write, said);
    }
}
