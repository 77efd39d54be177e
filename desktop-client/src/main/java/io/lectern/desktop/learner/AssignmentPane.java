package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** An assignment: instructions, due date, the answer, files with upload bars, Submit, and earlier submissions. */
public final class AssignmentPane {

    private final AssignmentViewModel model;

    public AssignmentPane(AssignmentViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label instructions = new Label();
        instructions.setId("assignment-instructions");
        instructions.setWrapText(true);
        instructions.textProperty().bind(model.instructions());
        Label due = new Label();
        due.setId("assignment-due");
        due.getStyleClass().add(Styles.TEXT_MUTED);
        due.textProperty().bind(model.due());
        TextArea answer = new TextArea();
        answer.setId("assignment-answer");
        answer.setPromptText(tr("assignment.answer.prompt"));
        answer.setWrapText(true);
        answer.setPrefRowCount(6);
        answer.textProperty().bindBidirectional(model.answer());
        answer.visibleProperty().bind(model.allowText());
        answer.managedProperty().bind(model.allowText());
        Button attach = new Button(tr("assignment.attach"));
        attach.setId("assignment-attach");
        attach.visibleProperty().bind(model.allowFiles());
        attach.managedProperty().bind(model.allowFiles());
        attach.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(tr("assignment.attach.title"));
            var file = chooser.showOpenDialog(attach.getScene().getWindow());
            if (file != null) {
                model.attach(file.toPath());
            }
        });
        ListView<AssignmentViewModel.Attachment> files = new ListView<>(model.attachments());
        files.setId("assignment-files");
        files.setPrefHeight(90);
        files.setPlaceholder(EmptyState.of(tr("assignment.files.empty")));
        files.setCellFactory(v -> new AttachmentCell());
        files.visibleProperty().bind(model.allowFiles());
        files.managedProperty().bind(model.allowFiles());
        Button submit = new Button(tr("assignment.submit"));
        submit.setId("assignment-submit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(model.busy());
        submit.setOnAction(e -> model.submit());
        Label message = new Label();
        message.setId("assignment-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        Label earlier = new Label(tr("assignment.history.title"));
        earlier.getStyleClass().add(Styles.TITLE_4);
        ListView<String> history = new ListView<>(model.history());
        history.setId("assignment-history");
        history.setPrefHeight(110);
        history.setPlaceholder(EmptyState.of(tr("assignment.history.empty")));
        HBox actions = new HBox(10, attach, submit, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, instructions, due, answer, files, actions, earlier, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        return root;
    }

    private final class AttachmentCell extends ListCell<AssignmentViewModel.Attachment> {
        @Override
        protected void updateItem(AssignmentViewModel.Attachment a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(a.progress());
            bar.setPrefWidth(160);
            Label status = new Label();
            status.textProperty().bind(a.status());
            status.getStyleClass().add(Styles.TEXT_SMALL);
            status.setWrapText(true);
            status.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(status, Priority.ALWAYS);
            Button remove = new Button(tr("assignment.file.remove"));
            remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            remove.setOnAction(e -> model.remove(a));
            remove.setMinWidth(Region.USE_PREF_SIZE);
            bar.setMinWidth(Region.USE_PREF_SIZE);
            Label name = new Label(a.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(10, name, bar, status, remove);
            setPrefWidth(0); // wrap long reasons instead of scrolling sideways
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
        }
    }
}
