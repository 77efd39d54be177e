package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.model.learning.Note;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Notes and bookmarks under the video: write one at the current moment, bookmark it, jump to one, delete one. */
final class VideoNotes {

    private final VideoViewModel model;

    VideoNotes(VideoViewModel model) {
        this.model = model;
    }

    Parent createView() {
        TextField text = new TextField();
        text.setId("video-note-text");
        text.setPromptText(tr("notes.prompt"));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button add = new Button(tr("notes.add"));
        add.setId("video-note-add");
        add.setOnAction(e -> {
            if (model.addNote(text.getText())) {
                text.clear();
            }
        });
        text.setOnAction(add.getOnAction());
        Button bookmark = new Button(tr("notes.bookmarkButton"));
        bookmark.setId("video-bookmark");
        bookmark.setOnAction(e -> model.bookmark());
        Label said = new Label();
        said.setId("video-note-message");
        said.getStyleClass().add(Styles.TEXT_MUTED);
        said.textProperty().bind(model.noteMessage());
        HBox write = new HBox(8, text, add, bookmark, said);
        write.setAlignment(Pos.CENTER_LEFT);
        ListView<Note> list = new ListView<>(model.notes());
        list.setId("video-notes");
        list.setPrefHeight(120);
        list.setPlaceholder(EmptyState.of(tr("notes.empty")));
        list.setCellFactory(v -> new NoteCell());
        VBox box = new VBox(6, write, list);
        box.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return box;
    }

    /** The seek slider with a tick above it for each note and bookmark. */
    static StackPane withMarkers(Slider seek, VideoViewModel model) {
        Pane marks = new Pane();
        marks.setMouseTransparent(true);
        marks.setId("video-markers");
        Runnable draw = () -> {
            marks.getChildren().clear();
            double length = model.length().get();
            if (length <= 0) {
                return;
            }
            for (Note n : model.notes()) {
                double at = n.positionSec() == null ? 0 : n.positionSec() / length;
                Region tick = new Region();
                tick.setPrefSize(3, 10);
                tick.resize(3, 10);
                tick.setStyle("-fx-background-color: " + ("BOOKMARK".equals(n.kind()) ? "-color-warning-emphasis"
                        : "-color-accent-emphasis") + ";");
                tick.relocate(Math.max(0, Math.min(1, at)) * Math.max(0, marks.getWidth() - 3), 0);
                marks.getChildren().add(tick);
            }
        };
        model.notes().addListener((ListChangeListener<Note>) c -> draw.run());
        model.length().addListener((obs, old, l) -> draw.run());
        marks.widthProperty().addListener((obs, old, w) -> draw.run());
        StackPane timeline = new StackPane(seek, marks);
        StackPane.setAlignment(marks, Pos.TOP_LEFT);
        return timeline;
    }

    private final class NoteCell extends ListCell<Note> {
        @Override
        protected void updateItem(Note n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setGraphic(null);
                return;
            }
            boolean mark = "BOOKMARK".equals(n.kind());
            Button at = new Button(VideoViewModel.clock(n.positionSec() == null ? 0 : n.positionSec()));
            at.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            at.setTooltip(new Tooltip(tr("notes.jumpHere")));
            at.setOnAction(e -> model.jumpTo(n));
            Label body = new Label(mark ? tr("notes.bookmark") : n.body());
            body.setWrapText(true);
            if (mark) {
                body.getStyleClass().add(Styles.TEXT_MUTED);
            }
            HBox.setHgrow(body, Priority.ALWAYS);
            body.setMaxWidth(Double.MAX_VALUE);
            Button delete = new Button(tr("notes.delete"));
            delete.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.DANGER);
            delete.setOnAction(e -> model.removeNote(n));
            HBox line = new HBox(8, at, body, delete);
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
        }
    }
}
