package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.demo.DemoChecks;
import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.embedded.EmbeddedStartException;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestInfra;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's path: no configuration at all, real PostgreSQL and Redis started by Lectern itself, and a demo
 * worth showing: whole courses built and published through the API, a learner with progress and a certificate.
 */
class EmbeddedDefaultTest {

    @Test
    void startsSeedsAndKeepsDataAcrossRestarts() {
        Path dataDir = TestInfra.tempDir("lectern-embedded-");
        LecternConfig config = ConfigLoader.load(Map.of("LECTERN_DATA_DIR", dataDir.toString(), "LECTERN_PORT", "0",
                "LECTERN_MANAGEMENT_PORT", "0"), LecternServer.SETTINGS);
        String adminPassword;
        try (LecternServer first = LecternServer.create(config)) {
            LecternServer.StartReport report = first.start();
            assertTrue(report.seeded());
            assertTrue(report.admin().created());
            adminPassword = report.admin().generatedPassword().orElseThrow();
            assertTrue(adminPassword.length() >= 16);
            Http http = new Http(first.baseUri());
            assertEquals(200, http.get("/health/ready").status());
            assertEquals(12, first.modules().catalog().publishedCount());
            assertTrue(first.embeddedDatabaseUrl().isPresent());
            DemoChecks.assertWholeDemo(http, report.demo().orElseThrow(), adminPassword, true);

            EmbeddedStartException clash = assertThrows(EmbeddedStartException.class,
                    () -> LecternServer.create(config));
            assertTrue(clash.getMessage().contains("Another Lectern server is using the data directory"));
        }
        try (LecternServer second = LecternServer.create(config)) {
            LecternServer.StartReport report = second.start();
            assertFalse(report.seeded(), "an existing catalog is not seeded again");
            assertFalse(report.admin().created());
            assertEquals(12, second.modules().catalog().publishedCount());
            assertEquals(200, new Http(second.baseUri()).get("/health/ready").status());
        }
    }
}
