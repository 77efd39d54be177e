package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.downloads.DownloadIndex.State;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Downloads: per lesson a progress bar, its state and Pause / Resume / Retry / Remove / Open; the disk used. */
public final class DownloadsView {

    private final DownloadsViewModel model;
    private final Consumer<UUID> open;

    public DownloadsView(DownloadsViewModel model, Consumer<UUID> open) {
        this.model = model;
        this.open = open;
    }

    public Parent createView() {
        Label title = new Label(tr("downloads.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label usage = new Label();
        usage.setId("downloads-usage");
        usage.textProperty().bind(model.usage());
        ListView<DownloadsViewModel.Row> list = new ListView<>(model.rows());
        list.setId("downloads-list");
        list.setPlaceholder(EmptyState.of(tr("downloads.empty")));
        list.setCellFactory(v -> new RowCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox root = new VBox(12, title, usage, list);
        root.setPadding(new Insets(24));
        model.load();
        return root;
    }

    private final class RowCell extends ListCell<DownloadsViewModel.Row> {
        @Override
        protected void updateItem(DownloadsViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(row.title());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            ProgressBar bar = new ProgressBar(row.fraction());
            bar.setPrefWidth(220);
            Label status = new Label(row.status());
            status.getStyleClass().add(row.state() == State.FAILED ? Styles.DANGER : Styles.TEXT_MUTED);
            status.setWrapText(true);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox line = new HBox(10, bar, status, gap);
            line.setAlignment(Pos.CENTER_LEFT);
            switch (row.state()) {
                case QUEUED, DOWNLOADING -> line.getChildren().add(button(tr("downloads.pause"), () -> model.pause(row)));
                case PAUSED -> line.getChildren().add(button(tr("downloads.resume"), () -> model.resume(row)));
                case FAILED -> line.getChildren().add(button(tr("downloads.retry"), () -> model.resume(row)));
                case DONE -> line.getChildren().add(button(tr("downloads.open"), () -> open.accept(row.lessonId())));
                default -> { }
            }
            line.getChildren().add(button(tr("downloads.remove"), () -> model.remove(row)));
            setGraphic(new VBox(4, name, line));
        }

        private Button button(String text, Runnable action) {
            Button b = new Button(text);
            b.getStyleClass().add(Styles.SMALL);
            b.setOnAction(e -> action.run());
            return b;
        }
    }
}
