package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.i18n.Messages;
import io.lectern.desktop.core.settings.DesktopSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings: the server address (used from the next start), the light or dark theme and the language (both at once),
 * and where downloads go and how much room they may take (checked as typed: the folder must be writable, the quota a
 * whole number).
 */
public final class SettingsViewModel {

    /** A language offered: its tag ("" for the system's) and its name in that language. */
    public record Language(String tag, String name) {
    }

    private final DesktopSettings settings;
    private final StringProperty serverUrl = new SimpleStringProperty();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty language = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty downloadFolder = new SimpleStringProperty();
    private final StringProperty quotaGb = new SimpleStringProperty();
    private Consumer<String> languageChanged = said -> { };

    public SettingsViewModel(DesktopSettings settings) {
        this.settings = settings;
        serverUrl.set(settings.serverUrl().toString());
        theme.set(settings.theme());
        language.set(settings.language());
        downloadFolder.set(settings.downloadFolder().toString());
        quotaGb.set(Integer.toString(settings.downloadQuotaGb()));
    }

    /** Called after a save that changed the language, with what to tell the user (in the new language). */
    public SettingsViewModel onLanguageChanged(Consumer<String> then) {
        this.languageChanged = then;
        return this;
    }

    /** The system's language first (named with what it comes to), then each the app speaks, in its own name. */
    public List<Language> languages() {
        List<Language> all = new ArrayList<>();
        Locale system = Messages.supported(settings.systemLocale());
        all.add(new Language("", tr("settings.language.system", Messages.nameOf(system))));
        Messages.SUPPORTED.forEach(l -> all.add(new Language(l.toLanguageTag(), Messages.nameOf(l))));
        return all;
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

    /** A language tag, or "" for the system's. */
    public StringProperty language() {
        return language;
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
            Locale before = settings.locale();
            settings.setServerUrl(URI.create(serverUrl.get().strip()));
            settings.setTheme(theme.get());
            settings.setLanguage(language.get());
            settings.setDownloads(Path.of(downloadFolder.get().strip()), Integer.parseInt(quotaGb.get().strip()));
            if (!settings.locale().equals(before)) {
                Messages.use(settings.locale());
                languageChanged.accept(moved ? tr("settings.saved.server") : tr("settings.saved"));
                return;
            }
            message.set(moved ? tr("settings.saved.server") : tr("settings.saved"));
        } catch (IOException e) {
            message.set(tr("settings.unsaved", e.getMessage()));
        }
    }

    private Optional<String> downloadsProblem() {
        int gb;
        try {
            gb = Integer.parseInt(quotaGb.get().strip());
        } catch (NumberFormatException e) {
            gb = 0;
        }
        if (gb < DesktopSettings.MIN_QUOTA_GB || gb > DesktopSettings.MAX_QUOTA_GB) {
            return Optional.of(tr("settings.quota.range", DesktopSettings.MIN_QUOTA_GB, DesktopSettings.MAX_QUOTA_GB));
        }
        String folder = downloadFolder.get() == null ? "" : downloadFolder.get().strip();
        try {
            Path dir = Path.of(folder);
            if (folder.isEmpty() || !dir.isAbsolute()) {
                return Optional.of(tr("settings.folder.absolute"));
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                return Optional.of(tr("settings.folder.readonly"));
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.of(tr("settings.folder.uncreatable"));
        }
        return Optional.empty();
    }
}
