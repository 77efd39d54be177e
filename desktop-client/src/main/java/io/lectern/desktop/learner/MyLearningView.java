package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
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

/** My learning: enrolled courses with progress bars and "Resume", and the streak. */
public final class MyLearningView {

    private final MyLearningViewModel model;
    private final Consumer<MyLearningViewModel.Item> resume;

    public MyLearningView(MyLearningViewModel model, Consumer<MyLearningViewModel.Item> resume) {
        this.model = model;
        this.resume = resume;
    }

    public Parent createView() {
        Label title = new Label(tr("mylearning.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label streak = new Label();
        streak.setId("learning-streak");
        streak.textProperty().bind(model.streak());
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        ListView<MyLearningViewModel.Item> list = new ListView<>(model.courses());
        list.setId("learning-courses");
        list.setPlaceholder(status);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MyLearningViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(item.title());
                name.getStyleClass().add(Styles.TITLE_4);
                ProgressBar bar = new ProgressBar(item.percent() / 100.0);
                bar.setPrefWidth(260);
                Label caption = new Label(tr("mylearning.item", item.percent(), item.caption()));
                caption.getStyleClass().add(Styles.TEXT_SMALL);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button go = new Button(item.nextLesson() == null ? tr("mylearning.review") : tr("mylearning.resume"));
                go.setDisable(item.nextLesson() == null);
                go.setOnAction(e -> resume.accept(item));
                HBox row = new HBox(12, new VBox(6, name, bar, caption), gap, go);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setPadding(new Insets(8, 4, 8, 4));
                setGraphic(row);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox root = new VBox(12, title, streak, list);
        root.setPadding(new Insets(24));
        model.load();
        return root;
    }
}
