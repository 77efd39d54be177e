package io.lectern.desktop.learner;

import io.lectern.desktop.core.settings.DesktopSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings: the server address (used from the next start), the light or dark theme (at once), and where downloads
 * go and how much room they may take (checked as typed: the folder must be writable, the quota a whole number).
 */
public final class SettingsViewModel {

    private final DesktopSettings settings;
    private final StringProperty serverUrl = new SimpleStringProperty();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty downloadFolder = new SimpleStringProperty();
    private final StringProperty quotaGb = new SimpleStringProperty();

    public SettingsViewModel(DesktopSettings settings) {
        this.settings = settings;
        serverUrl.set(settings.serverUrl().toString());
        theme.set(settings.theme());
        downloadFolder.set(settings.downloadFolder().toString());
        quotaGb.set(Integer.toString(settings.downloadQuotaGb()));
    }

    public StringProperty downloadFolder() {
        return downloadFolder;
    }

    /** Whole GB, as typed. */
    public StringProperty quotaGb() {
        return quotaGb;
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
        var problem = DesktopSettings.problem(serverUrl.get()).or(this::downloadsProblem);
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        try {
            boolean moved = !URI.create(serverUrl.get().strip()).equals(settings.serverUrl());
            settings.setServerUrl(URI.create(serverUrl.get().strip()));
            settings.setTheme(theme.get());
            settings.setDownloads(Path.of(downloadFolder.get().strip()), Integer.parseInt(quotaGb.get().strip()));
            message.set(moved ? "Saved. The new server is used from the next start." : "Saved.");
        } catch (IOException e) {
            message.set("The settings could not be saved: " + e.getMessage());
        }
    }

    private java.util.Optional<String> downloadsProblem() {
        int gb;
        try {
            gb = Integer.parseInt(quotaGb.get().strip());
        } catch (NumberFormatException e) {
            gb = 0;
        }
        if (gb < 1 || gb > 10_000) {
            return java.util.Optional.of("The download quota must be a whole number of GB between 1 and 10,000.");
        }
        String folder = downloadFolder.get() == null ? "" : downloadFolder.get().strip();
        try {
            Path dir = Path.of(folder);
            if (folder.isEmpty() || !dir.isAbsolute()) {
                return java.util.Optional.of("The download folder must be a full path, such as /home/you/Lectern.");
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return java.util.Optional.of("The download folder cannot be written to; choose another.");
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return java.util.Optional.of("The download folder cannot be created there; choose another.");
        }
        return java.util.Optional.empty();
    }
}
