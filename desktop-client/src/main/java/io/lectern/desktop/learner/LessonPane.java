package io.lectern.desktop.learner;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A lesson: title, text, "Mark as done". */
public final class LessonPane {

    private final LessonViewModel model;
    private final Runnable back;

    public LessonPane(LessonViewModel model, Runnable back) {
        this.model = model;
        this.back = back;
    }

    public Parent createView() {
        Hyperlink toCourses = new Hyperlink("\u2190 My learning");
        toCourses.setOnAction(e -> back.run());
        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(model.title());
        Label body = new Label();
        body.setId("lesson-body");
        body.setWrapText(true);
        body.textProperty().bind(model.body());
        ScrollPane text = new ScrollPane(body);
        text.setFitToWidth(true);
        VBox.setVgrow(text, Priority.ALWAYS);
        Button done = new Button("Mark as done");
        done.setId("lesson-done");
        done.getStyleClass().add(Styles.ACCENT);
        done.visibleProperty().bind(model.markable());
        done.disableProperty().bind(model.done());
        done.setOnAction(e -> model.markDone());
        Label message = new Label();
        message.setId("lesson-message");
        message.textProperty().bind(model.message());
        VBox root = new VBox(12, toCourses, title, text, done, message);
        root.setPadding(new Insets(24));
        return root;
    }
}
