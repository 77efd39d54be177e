package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.offline.OfflineStore;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The sync screen: status, "Sync now", and every action the server refused with its reason. */
public final class SyncView {

    private final SyncStatusViewModel model;

    public SyncView(SyncStatusViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label title = new Label(tr("sync.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label status = new Label();
        status.setId("sync-status");
        status.textProperty().bind(model.status());
        Button now = new Button(tr("sync.now"));
        now.setId("sync-now");
        now.disableProperty().bind(model.syncing());
        now.setOnAction(e -> model.syncNow());
        Label refusedTitle = new Label(tr("sync.refused.title"));
        refusedTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<OfflineStore.Refusal> refused = new ListView<>(model.refusals());
        refused.setId("sync-refusals");
        refused.setPlaceholder(EmptyState.of(tr("sync.refused.empty")));
        refused.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OfflineStore.Refusal r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                Label text = new Label(SyncStatusViewModel.describe(r));
                text.setWrapText(true);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button ok = new Button(tr("sync.dismiss"));
                ok.getStyleClass().add(Styles.FLAT);
                ok.setOnAction(e -> model.dismiss(r));
                HBox row = new HBox(10, text, gap, ok);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        VBox.setVgrow(refused, Priority.ALWAYS);
        HBox row = new HBox(12, status, now);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(12, title, row, refusedTitle, refused);
        root.setPadding(new Insets(24));
        return root;
    }
}
