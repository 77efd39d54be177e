package io.lectern.server.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every answer says about itself: nosniff everywhere, no-store on anything personal, CORS only for origins the
 * operator listed; metrics and detailed health only on the management port or for admins, terse health for anyone.
 */
class HeadersTest {

    private static final String APP = "https://learn.example.com";
    private static LecternServer server;
    private static Http http;
    private static Studio studio;

    @BeforeAll
    static void start() {
        LecternConfig c = TestServer.relaxedConfig();
        server = TestServer.start(c.withHttp(c.http().withCorsOrigins(List.of(APP))), routes -> { });
        http = new Http(server.baseUri());
        studio = new Studio(server, http);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyAnswerForbidsSniffingAndPersonalOnesAreNotStored() {
        String lea = studio.user("lea.headers@example.com", "Lea Headers", Role.STUDENT);
        Http.Response me = http.get("/api/v1/me", lea);
        assertEquals("nosniff", me.header("X-Content-Type-Options"));
        assertEquals("no-store", me.header("Cache-Control"));
        Http.Response wallet = http.get("/api/v1/wallet", lea);
        assertEquals("no-store", wallet.header("Cache-Control"));
        Http.Response problem = http.get("/api/v1/nowhere", lea);
        assertEquals(404, problem.status());
        assertEquals("nosniff", problem.header("X-Content-Type-Options"));
        assertEquals("no-store", problem.header("Cache-Control"));
        Http.Response catalog = http.get("/api/v1/courses");
        assertEquals("nosniff", catalog.header("X-Content-Type-Options"));
        assertNull(catalog.header("Cache-Control"), "the public catalog may be cached");
        Http.Response denied = http.get("/api/v1/me");
        assertEquals("nosniff", denied.header("X-Content-Type-Options"));
    }

    @Test
    void onlyListedOriginsGetCorsHeaders() {
        Http.Response stranger = origin("https://evil.example", "GET", "/api/v1/courses");
        assertNull(stranger.header("Access-Control-Allow-Origin"));
        Http.Response preflight = preflight("https://evil.example");
        assertNull(preflight.header("Access-Control-Allow-Origin"));
        assertNull(preflight.header("Access-Control-Allow-Methods"));
        Http.Response listed = origin(APP, "GET", "/api/v1/courses");
        assertEquals(APP, listed.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", listed.header("Vary"));
        Http.Response ok = preflight(APP);
        assertEquals(204, ok.status());
        assertEquals(APP, ok.header("Access-Control-Allow-Origin"));
        assertTrue(ok.header("Access-Control-Allow-Headers").contains("Authorization"));
        assertTrue(ok.header("Access-Control-Allow-Methods").contains("PATCH"));
        assertNull(ok.header("Access-Control-Allow-Credentials"), "bearer tokens, no cookies: never credentials");
    }

    @Test
    void metricsAndDetailsAreForTheManagementPortOrAdmins() {
        assertEquals(404, http.get("/metrics").status(), "no metrics on the API port");
        Http.Response ready = http.get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals("{\"status\":\"UP\"}", ready.raw().body(), "terse: no names, versions or timings");
        assertEquals("{\"status\":\"UP\"}", http.get("/health").raw().body());
        String lea = studio.user("lea.health@example.com", "Lea Health", Role.STUDENT);
        assertEquals(403, http.get("/api/v1/admin/health", lea).status());
        Http.Response details = http.get("/api/v1/admin/health", studio.accounts().adminToken());
        assertEquals(200, details.status());
        assertEquals(List.of("database", "redis"), Studio.texts(details.json().path("checks"), "name"));
        java.net.URI management = server.managementUri().orElseThrow();
        assertEquals(200, http.get(management.resolve("/metrics").toString()).status());
    }

    private static Http.Response origin(String origin, String method, String path) {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Origin", origin)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static Http.Response preflight(String origin) {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/me")).header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }
}
