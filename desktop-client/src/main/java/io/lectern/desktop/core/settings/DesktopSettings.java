package io.lectern.desktop.core.settings;

import io.lectern.desktop.core.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The desktop app's settings, kept in {@code desktop.properties} under the user's config directory. The
 * server URL comes from {@code LECTERN_SERVER_URL} when set, else from the file, else
 * {@code http://localhost:8080}.
 */
public final class DesktopSettings {

    public static final URI DEFAULT_SERVER = URI.create("http://localhost:8080");
    /** The download quota's bounds, in GB. */
    public static final int MIN_QUOTA_GB = 1;
    public static final int MAX_QUOTA_GB = 10_000;

    private final Path file;
    private final Map<String, String> env;
    private final Properties values = new Properties();
    /** The system's language as the JVM started, before the app makes its chosen one the default. */
    private static final Locale SYSTEM = Locale.getDefault();
    private final Locale system;

    public DesktopSettings(Path file, Map<String, String> env) {
        this(file, env, SYSTEM);
    }

    /** With a given system language (the one "System language" means). */
    public DesktopSettings(Path file, Map<String, String> env, Locale system) {
        this.file = file;
        this.env = env;
        this.system = system;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                // unreadable settings fall back to defaults; saving rewrites them
            }
        }
    }

    /** The settings file of the current user ({@code $XDG_CONFIG_HOME/lectern/desktop.properties}). */
    public static DesktopSettings forCurrentUser() {
        Map<String, String> env = System.getenv();
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new DesktopSettings(base.resolve("lectern").resolve("desktop.properties"), env);
    }

    /** Where the app keeps its data: {@code LECTERN_DESKTOP_DATA}, else {@code $XDG_DATA_HOME/lectern-desktop}. */
    public Path dataDir() {
        String own = env.get("LECTERN_DESKTOP_DATA");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("lectern-desktop");
    }

    public URI serverUrl() {
        return Optional.ofNullable(env.get("LECTERN_SERVER_URL")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(values.getProperty("server.url")))
                .map(DesktopSettings::parse).orElse(DEFAULT_SERVER);
    }

    public void setServerUrl(URI url) throws IOException {
        values.setProperty("server.url", url.toString());
        store();
    }

    /** light or dark. */
    public String theme() {
        return "dark".equals(values.getProperty("theme")) ? "dark" : "light";
    }

    public void setTheme(String theme) throws IOException {
        values.setProperty("theme", "dark".equals(theme) ? "dark" : "light");
        store();
    }

    /** The language chosen in Settings as a tag ("de"), or empty for the system's own. */
    public String language() {
        String tag = values.getProperty("language", "").strip();
        return Messages.SUPPORTED.stream().anyMatch(l -> l.toLanguageTag().equals(tag)) ? tag : "";
    }

    /** The language the app speaks: the one chosen, else the system's when translated, else English. */
    public Locale locale() {
        String tag = language();
        return Messages.supported(tag.isEmpty() ? system : Locale.forLanguageTag(tag));
    }

    /** The system's own language (what "System language" stands for), translated or not. */
    public Locale systemLocale() {
        return system;
    }

    /** A supported language tag, or empty for the system's. */
    public void setLanguage(String tag) throws IOException {
        String clean = tag == null ? "" : tag.strip();
        if (!clean.isEmpty() && Messages.SUPPORTED.stream().noneMatch(l -> l.toLanguageTag().equals(clean))) {
            throw new IllegalArgumentException("Not a language the app speaks: " + tag);
        }
        values.setProperty("language", clean);
        store();
    }

    /** Where downloads for offline study are kept (encrypted): a chosen folder, else {@code downloads} in the data dir. */
    public Path downloadFolder() {
        String chosen = values.getProperty("downloads.folder");
        return chosen == null || chosen.isBlank() ? dataDir().resolve("downloads") : Path.of(chosen);
    }

    /** How much the downloads may take, in whole GB (default 10). */
    public int downloadQuotaGb() {
        try {
            int gb = Integer.parseInt(values.getProperty("downloads.quotaGb", "10").strip());
            return gb >= 1 ? gb : 10;
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    public void setDownloads(Path folder, int quotaGb) throws IOException {
        if (quotaGb < MIN_QUOTA_GB || quotaGb > MAX_QUOTA_GB) {
            throw new IllegalArgumentException("The download quota must be between " + MIN_QUOTA_GB + " and "
                    + MAX_QUOTA_GB + " GB.");
        }
        values.setProperty("downloads.folder", folder.toAbsolutePath().toString());
        values.setProperty("downloads.quotaGb", Integer.toString(quotaGb));
        store();
    }

    private void store() throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            values.store(out, "Lectern desktop settings");
        }
    }

    /** Checks a server address as typed; the reason when it is not one. */
    public static java.util.Optional<String> problem(String text) {
        try {
            parse(text);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(Messages.tr("settings.server.scheme"));
        }
    }

    private static URI parse(String text) {
        URI uri = URI.create(text.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("The server URL must start with http:// or https://: " + text);
        }
        return uri;
    }
}
