package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

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
import javafx.util.StringConverter;

/** Settings: server address, theme, language, download folder and quota. */
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
        Label title = new Label(tr("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        TextField server = new TextField();
        server.setId("settings-server");
        server.setPrefColumnCount(30);
        server.textProperty().bindBidirectional(model.serverUrl());
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.getItems().addAll("light", "dark");
        theme.valueProperty().bindBidirectional(model.theme());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null ? "" : tr("settings.theme." + t);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        theme.valueProperty().addListener((obs, old, t) -> apply(t));
        ChoiceBox<SettingsViewModel.Language> language = languageChoice();
        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(tr("settings.server")), server);
        form.addRow(1, new Label(tr("settings.theme")), theme);
        form.addRow(2, new Label(tr("settings.language")), language);
        TextField folder = new TextField();
        folder.setId("settings-download-folder");
        folder.textProperty().bindBidirectional(model.downloadFolder());
        Button browse = new Button(tr("settings.folder.choose"));
        browse.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(tr("settings.folder"));
            java.io.File chosen = chooser.showDialog(browse.getScene().getWindow());
            if (chosen != null) {
                model.downloadFolder().set(chosen.getAbsolutePath());
            }
        });
        TextField quota = new TextField();
        quota.setId("settings-download-quota");
        quota.setPrefColumnCount(6);
        quota.textProperty().bindBidirectional(model.quotaGb());
        form.addRow(3, new Label(tr("settings.folder")), new javafx.scene.layout.HBox(8, folder, browse));
        form.addRow(4, new Label(tr("settings.quota")), quota);
        Button save = new Button(tr("settings.save"));
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

    private ChoiceBox<SettingsViewModel.Language> languageChoice() {
        ChoiceBox<SettingsViewModel.Language> choice = new ChoiceBox<>();
        choice.setId("settings-language");
        choice.getItems().setAll(model.languages());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SettingsViewModel.Language l) {
                return l == null ? "" : l.name();
            }

            @Override
            public SettingsViewModel.Language fromString(String text) {
                return null;
            }
        });
        choice.getItems().stream().filter(l -> l.tag().equals(model.language().get())).findFirst()
                .ifPresent(choice::setValue);
        choice.valueProperty().addListener((obs, old, l) -> model.language().set(l == null ? "" : l.tag()));
        return choice;
    }
}
