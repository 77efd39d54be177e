package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The syllabus beside a lesson: ticks, locks that say what to finish first, the current lesson marked. */
final class OutlinePane {

    private final OutlineViewModel model;
    private final Consumer<UUID> open;

    OutlinePane(OutlineViewModel model, Consumer<UUID> open) {
        this.model = model;
        this.open = open;
    }

    Parent createView() {
        Label title = new Label(tr("outline.title"));
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        ListView<OutlineViewModel.Row> list = new ListView<>(model.rows());
        list.setId("lesson-outline");
        list.setPrefWidth(240);
        list.setPlaceholder(EmptyState.of(tr("outline.offline")));
        list.setCellFactory(v -> new RowCell());
        list.setOnMouseClicked(e -> {
            OutlineViewModel.Row r = list.getSelectionModel().getSelectedItem();
            if (r != null && r.mark() != OutlineViewModel.Mark.LOCKED && r.mark() != OutlineViewModel.Mark.CURRENT) {
                open.accept(r.lessonId());
            }
        });
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(6, title, list);
        box.setPrefWidth(240);
        box.setMinWidth(200);
        return box;
    }

    private static final class RowCell extends ListCell<OutlineViewModel.Row> {
        @Override
        protected void updateItem(OutlineViewModel.Row r, boolean empty) {
            super.updateItem(r, empty);
            setTooltip(null);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String sign = switch (r.mark()) {
                case DONE -> "\u2713";
                case LOCKED -> "\ud83d\udd12";
                case CURRENT -> "\u25b6";
                case OPEN -> "\u2022";
            };
            Label text = new Label(sign + "  " + r.title());
            text.setWrapText(true);
            text.setMaxWidth(200);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label kind = new Label(r.why().isEmpty() ? r.type() : tr("outline.typeAndWhy", r.type(), r.why()));
            kind.setWrapText(true);
            kind.setMaxWidth(200);
            kind.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            kind.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            if (r.mark() == OutlineViewModel.Mark.CURRENT) {
                text.getStyleClass().add(Styles.TEXT_BOLD);
            }
            if (r.mark() == OutlineViewModel.Mark.LOCKED) {
                text.getStyleClass().add(Styles.TEXT_MUTED);
                setTooltip(new Tooltip(r.why()));
            }
            setGraphic(new VBox(2, text, kind));
        }
    }
}
