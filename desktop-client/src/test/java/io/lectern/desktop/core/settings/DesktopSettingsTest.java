package io.lectern.desktop.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopSettingsTest {

    @Test
    void serverUrlComesFromEnvironmentThenFileThenDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lectern/desktop.properties");
        assertEquals(DesktopSettings.DEFAULT_SERVER, new DesktopSettings(file, Map.of()).serverUrl());
        new DesktopSettings(file, Map.of()).setServerUrl(URI.create("https://lectern.example.org"));
        assertEquals(URI.create("https://lectern.example.org"), new DesktopSettings(file, Map.of()).serverUrl());
        assertEquals(URI.create("http://10.0.0.5:9000"),
                new DesktopSettings(file, Map.of("LECTERN_SERVER_URL", "http://10.0.0.5:9000")).serverUrl());
    }

    @Test
    void nonHttpServerUrlIsRefused(@TempDir Path dir) {
        DesktopSettings settings = new DesktopSettings(dir.resolve("x"), Map.of("LECTERN_SERVER_URL", "ftp://x"));
        assertThrows(IllegalArgumentException.class, settings::serverUrl);
    }

    @Test
    void languageIsTheChosenOneElseTheSystemsWhenTranslatedElseEnglish(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("desktop.properties");
        Locale austrian = Locale.forLanguageTag("de-AT");
        assertEquals("", new DesktopSettings(file, Map.of(), austrian).language());
        assertEquals(Locale.GERMAN, new DesktopSettings(file, Map.of(), austrian).locale());
        assertEquals(Locale.ENGLISH, new DesktopSettings(file, Map.of(), Locale.JAPAN).locale());
        new DesktopSettings(file, Map.of(), austrian).setLanguage("es");
        assertEquals(Locale.forLanguageTag("es"), new DesktopSettings(file, Map.of(), austrian).locale());
        assertThrows(IllegalArgumentException.class, () -> new DesktopSettings(file, Map.of()).setLanguage("xx"));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es")); // what the app does with a chosen language
            new DesktopSettings(file, Map.of(), austrian).setLanguage("");
            assertEquals(Locale.GERMAN, new DesktopSettings(file, Map.of(), austrian).locale(),
                    "the system's language, not the default the app set");
        } finally {
            Locale.setDefault(before);
        }
    }
}
