package io.lectern.desktop.learner;

import io.lectern.desktop.core.settings.DesktopSettings;
import java.io.IOException;
import java.net.URI;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Settings: the server address (used from the next start) and the light or dark theme (at once). */
public final class SettingsViewModel {

    private final DesktopSettings settings;
    private final StringProperty serverUrl = new SimpleStringProperty();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");

    public SettingsViewModel(DesktopSettings settings) {
        this.settings = settings;
        serverUrl.set(settings.serverUrl().toString());
        theme.set(settings.theme());
    }

    public StringProperty serverUrl() {
        return serverUrl;
    }

    /** light or dark. */
    public StringProperty theme() {
        return theme;
    }

    public StringProperty message() {
        return message;
    }

    public void save() {
        var problem = DesktopSettings.problem(serverUrl.get());
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        try {
            boolean moved = !URI.create(serverUrl.get().strip()).equals(settings.serverUrl());
            settings.setServerUrl(URI.create(serverUrl.get().strip()));
            settings.setTheme(theme.get());
            message.set(moved ? "Saved. The new server is used from the next start." : "Saved.");
        } catch (IOException e) {
            message.set("The settings could not be saved: " + e.getMessage());
        }
    }
}
