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
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("de-AT"));
            assertEquals("", new DesktopSettings(file, Map.of()).language());
            assertEquals(Locale.GERMAN, new DesktopSettings(file, Map.of()).locale());
            Locale.setDefault(Locale.forLanguageTag("ja-JP"));
            assertEquals(Locale.ENGLISH, new DesktopSettings(file, Map.of()).locale());
            new DesktopSettings(file, Map.of()).setLanguage("es");
            assertEquals(Locale.forLanguageTag("es"), new DesktopSettings(file, Map.of()).locale());
            assertThrows(IllegalArgumentException.class, () -> new DesktopSettings(file, Map.of()).setLanguage("xx"));
            new DesktopSettings(file, Map.of()).setLanguage("");
            assertEquals(Locale.ENGLISH, new DesktopSettings(file, Map.of()).locale());
        } finally {
            Locale.setDefault(system);
        }
    }
}
