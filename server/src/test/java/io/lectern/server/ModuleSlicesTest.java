package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Slices: a module started with the platform and only the modules it stands on, on a real PostgreSQL with only their
 * schemas. Each proves its module works without the rest (the full server's tests cover the wiring between them).
 */
class ModuleSlicesTest {

    @Test
    void identityStandsOnMailAndAuditAlone() {
        try (LecternServer slice = LecternServer.slice(TestServer.config(), Set.of("notify", "audit", "identity"))) {
            slice.start();
            assertEquals(Set.of("platform", "notify", "audit", "identity"), schemas(slice));
            assertNull(slice.modules().catalog(), "no catalog in this slice");
            Http http = new Http(slice.baseUri());
            JsonNode tokens = Accounts.of(http).registerVerified("ada@example.com", "a long passphrase 1", "Ada");
            Http.Response me = http.get("/api/v1/me", tokens.path("accessToken").asText());
            assertEquals(200, me.status(), me.raw().body());
            assertEquals("ada@example.com", me.json().path("email").asText());
            assertEquals(404, http.get("/api/v1/courses").status(), "the catalog's routes are not there");
        }
    }

    @Test
    void mediaStandsWithoutTheCatalogCommerceAndLearning() {
        try (LecternServer slice = LecternServer.slice(TestServer.config(),
                Set.of("notify", "audit", "identity", "media"))) {
            slice.start();
            assertEquals(Set.of("platform", "notify", "audit", "identity", "media"), schemas(slice));
            Http http = new Http(slice.baseUri());
            String token = Accounts.of(http).registerVerified("grace@example.com", "a long passphrase 2", "Grace")
                    .path("accessToken").asText();
            String id = new Tus(http, slice.baseUri()).uploadReady(token, "cover.png", MediaFiles.png(64, 36), "IMAGE");
            JsonNode mine = http.get("/api/v1/me/media", token).json();
            assertEquals(id, mine.path("items").path(0).path("id").asText());
            assertTrue(mine.path("usedBytes").asLong() > 0, mine.toString());
        }
    }

    @Test
    void aSliceNamesTheModulesItLacks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LecternServer.slice(TestServer.config(), Set.of("catalog")));
        assertTrue(e.getMessage().contains("identity") && e.getMessage().contains("media"), e.getMessage());
    }

    private static Set<String> schemas(LecternServer server) {
        Set<String> found = new TreeSet<>();
        try (var rows = server.platform().db().execute().query("""
                SELECT nspname FROM pg_namespace WHERE nspname = ANY (?::text[])""",
                (Object) List.of("platform", "notify", "audit", "identity", "catalog", "commerce", "media", "learning")
                        .toArray(String[]::new))) {
            rows.forEach(r -> found.add(r.column("nspname").getString()));
        }
        return found;
    }
}
