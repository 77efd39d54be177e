package io.lectern.server.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    record Echo(String name, int count) {
    }

    private static LecternServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(), routes -> {
            routes.post("/api/v1/test/echo", Access.PUBLIC, (req, res) -> {
                Echo echo = new Json(1 << 20).read(req, Echo.class);
                new Validation().required("name", echo.name()).maxLength("name", echo.name(), 10)
                        .range("count", echo.count(), 0, 5).throwIfInvalid();
                new Json(1 << 20).write(res, 200, echo);
            });
            routes.get("/api/v1/test/boom", Access.PUBLIC, (req, res) -> {
                throw new IllegalStateException("SELECT secret FROM internals");
            });
            routes.get("/api/v1/test/private", Access.USER, (req, res) -> res.send("never"));
        });
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(Http.Response r, int status, String code) {
        assertEquals(status, r.status(), () -> r.raw().body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(code, r.json().get("code").asText());
        assertEquals(status, r.json().get("status").asInt());
        assertNotNull(r.json().get("instance").asText());
        assertEquals(r.header("X-Request-Id"), r.json().get("instance").asText());
    }

    @Test
    void unknownRouteIsProblem404() {
        assertProblem(http.get("/api/v1/nothing-here"), 404, "route.not_found");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Http.Response r = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/categories")).DELETE());
        assertProblem(r, 405, "route.method_not_allowed");
        assertEquals("GET, POST", r.header("Allow"));
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(http.post("/api/v1/test/echo", "{not json"), 400, "request.malformed_json");
    }

    @Test
    void wrongFieldTypeNamesTheField() {
        Http.Response r = http.post("/api/v1/test/echo", "{\"name\":\"a\",\"count\":\"many\"}");
        assertProblem(r, 400, "request.invalid");
        assertEquals("count", r.json().get("errors").get(0).get("field").asText());
        assertEquals("type", r.json().get("errors").get(0).get("rule").asText());
    }

    @Test
    void unknownFieldIsRejectedByName() {
        Http.Response r = http.post("/api/v1/test/echo", "{\"name\":\"a\",\"count\":1,\"admin\":true}");
        assertProblem(r, 400, "request.invalid");
        assertEquals("admin", r.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void validationListsEveryBrokenRule() {
        Http.Response r = http.post("/api/v1/test/echo", "{\"name\":\"much too long a name\",\"count\":9}");
        assertProblem(r, 400, "request.invalid");
        assertEquals(2, r.json().get("errors").size());
        assertEquals("max_length", r.json().get("errors").get(0).get("rule").asText());
        assertEquals("range", r.json().get("errors").get(1).get("rule").asText());
    }

    @Test
    void tenMegabyteBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\",\"count\":1}";
        assertProblem(http.post("/api/v1/test/echo", big), 413, "request.too_large");
    }

    @Test
    void nonJsonContentTypeIs415() {
        Http.Response r = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/test/echo"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertProblem(r, 415, "request.unsupported_media_type");
    }

    @Test
    void dotDotPathIs4xx() {
        Http.Response r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/v1/../../etc/passwd")).GET());
        assertTrue(r.status() >= 400 && r.status() < 500, "status " + r.status());
        Http.Response encoded = http.get("/api/v1/%2e%2e/%2e%2e/etc/passwd");
        assertTrue(encoded.status() >= 400 && encoded.status() < 500, "status " + encoded.status());
    }

    @Test
    void unexpectedFailureHidesInternals() {
        Http.Response r = http.get("/api/v1/test/boom");
        assertProblem(r, 500, "server.internal_error");
        assertFalse(r.raw().body().contains("SELECT"));
        assertFalse(r.raw().body().contains("IllegalStateException"));
        assertTrue(r.json().get("detail").asText().contains(r.header("X-Request-Id")));
    }

    @Test
    void protectedRouteWithoutTokenIs401() {
        assertProblem(http.get("/api/v1/test/private"), 401, "auth.required");
    }

    @Test
    void validRequestPasses() {
        Http.Response r = http.post("/api/v1/test/echo", "{\"name\":\"ok\",\"count\":2}");
        assertEquals(200, r.status());
        assertEquals("ok", r.json().get("name").asText());
    }

    @Test
    void saneIncomingRequestIdIsKept() {
        Http.Response r = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/nothing"))
                .header("X-Request-Id", "trace-12345678").GET());
        assertEquals("trace-12345678", r.header("X-Request-Id"));
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        http.get("/api/v1/courses");
        java.net.URI management = server.managementUri().orElseThrow();
        Http.Response metrics = http.send(HttpRequest.newBuilder(management.resolve("/metrics"))
                .header("Accept", "text/plain").GET());
        assertEquals(200, metrics.status());
        assertTrue(metrics.raw().body().contains("lectern_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/courses\""),
                metrics.raw().body().lines().filter(l -> l.contains("lectern")).toList().toString());
        Http.Response detailed = http.get(management.resolve("/health/ready").toString());
        assertEquals(200, detailed.status());
        assertTrue(detailed.raw().body().contains("database") && detailed.raw().body().contains("redis"),
                detailed.raw().body());
    }
}
