package io.lectern.desktop.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
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
}
