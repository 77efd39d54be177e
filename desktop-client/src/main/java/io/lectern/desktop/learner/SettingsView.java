package io.lectern.desktop.learner;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Settings: server address, theme, download folder and quota. */
public final class SettingsView {

    private final SettingsViewModel model;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
    }

    /** Applies a theme to the whole app. */
    public static void apply(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public Parent createView() {
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        TextField server = new TextField();
        server.setId("settings-server");
        server.setPrefColumnCount(30);
        server.textProperty().bindBidirectional(model.serverUrl());
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.getItems().addAll("light", "dark");
        theme.valueProperty().bindBidirectional(model.theme());
        theme.valueProperty().addListener((obs, old, t) -> apply(t));
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label("Server"), server);
        form.addRow(1, new Label("Theme"), theme);
        TextField folder = new TextField();
        folder.setId("settings-download-folder");
        folder.textProperty().bindBidirectional(model.downloadFolder());
        Button browse = new Button("Choose\u2026");
        browse.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Download folder");
            java.io.File chosen = chooser.showDialog(browse.getScene().getWindow());
            if (chosen != null) {
                model.downloadFolder().set(chosen.getAbsolutePath());
            }
        });
        TextField quota = new TextField();
        quota.setId("settings-download-quota");
        quota.setPrefColumnCount(6);
        quota.textProperty().bindBidirectional(model.quotaGb());
        form.addRow(2, new Label("Download folder"), new javafx.scene.layout.HBox(8, folder, browse));
        form.addRow(3, new Label("Download quota (GB)"), quota);
        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("settings-message");
        message.textProperty().bind(model.message());
        VBox root = new VBox(14, title, form, save, message);
        root.setPadding(new Insets(24));
        return root;
    }
}
