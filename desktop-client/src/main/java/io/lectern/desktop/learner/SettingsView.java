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

/** Settings: server address and theme. */
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
