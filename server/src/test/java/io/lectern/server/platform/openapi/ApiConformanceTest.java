package io.lectern.server.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.ApiConformance;
import io.lectern.server.testing.ApiConformance.Answer;
import io.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The check every HTTP test's answers go through refuses what the document does not allow, and names it. */
class ApiConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WALLET = "{\"balance\":{\"amountMinor\":1250,\"currency\":\"EUR\"}}";

    private static LecternServer server;
    private static ApiConformance conformance;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        conformance = ApiConformance.of(HttpClient.newHttpClient(), server.baseUri()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> check(String method, String path, int status, String type, String body) {
        return check(method, path, null, status, type, body);
    }

    private static List<String> check(String method, String path, String sent, int status, String type, String body) {
        try {
            JsonNode json = type.contains("json") && !body.isEmpty() ? MAPPER.readTree(body) : null;
            return conformance.violations(new Answer(method, URI.create("http://localhost" + path), false, status, type,
                    body, json, sent == null ? null : MAPPER.readTree(sent)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertViolation(List<String> violations, String expected) {
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).contains(expected), violations::toString);
    }

    @Test
    void aConformingAnswerPasses() {
        assertEquals(List.of(), check("GET", "/api/v1/wallet", 200, "application/json", WALLET));
        assertEquals(List.of(), check("DELETE", "/api/v1/notes/" + java.util.UUID.randomUUID(), 404,
                "application/problem+json", "{\"type\":\"urn:lectern:problem:resource.not_found\",\"title\":\"Not Found\","
                        + "\"status\":404,\"detail\":\"This note was not found.\",\"code\":\"resource.not_found\","
                        + "\"instance\":\"r1\",\"errors\":[]}"));
    }

    @Test
    void aWrongTypeIsNamedByItsPointer() {
        assertViolation(check("GET", "/api/v1/wallet", 200, "application/json", WALLET.replace("1250", "\"1250\"")),
                "at '/balance/amountMinor'");
    }

    @Test
    void aFieldTheSchemaDoesNotHaveIsRefused() {
        assertViolation(check("GET", "/api/v1/wallet", 200, "application/json", "{\"balance\":{\"amountMinor\":1,"
                + "\"currency\":\"EUR\"},\"owner\":\"x\"}"), "owner");
    }

    @Test
    void aNullWhereTheSchemaSaysNotNullIsRefused() {
        assertViolation(check("GET", "/api/v1/wallet", 200, "application/json", "{\"balance\":{\"amountMinor\":1,"
                + "\"currency\":null}}"), "at '/balance/currency'");
    }

    @Test
    void anUndocumentedSuccessStatusIsRefused() {
        assertViolation(check("GET", "/api/v1/wallet", 201, "application/json", WALLET), "no 201 response");
    }

    @Test
    void anErrorMustBeAProblem() {
        String problem = "{\"type\":\"urn:lectern:problem:x\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"d\","
                + "\"code\":\"x\",\"instance\":\"r1\",\"errors\":[]}";
        assertEquals(List.of(), check("GET", "/api/v1/wallet", 409, "application/problem+json", problem));
        assertViolation(check("GET", "/api/v1/wallet", 409, "application/problem+json", problem.replace("}", ",\"message\":1}")),
                "(schema /components/responses/Problem");
        assertViolation(check("GET", "/api/v1/nothing-here", 404, "application/problem+json", problem.replace(
                "\"code\":\"x\",", "")), "required property 'code'");
    }

    @Test
    void anUndocumentedMediaTypeOrQueryParameterIsRefused() {
        assertViolation(check("GET", "/api/v1/wallet", 200, "text/html", "<p>1250</p>"), "[application/json]");
        assertViolation(check("GET", "/api/v1/wallet?currency=EUR", 200, "application/json", WALLET), "'currency'");
    }

    @Test
    void anAnswerNoOperationDocumentsIsRefused() {
        assertViolation(check("GET", "/api/v1/wallets", 200, "application/json", WALLET), "no operation");
    }

    @Test
    void anAcceptedRequestBodyMustBeWhatTheDocumentTakes() {
        String category = "{\"slug\":\"art\",\"name\":\"Art\",\"position\":1,\"courseCount\":0}";
        assertEquals(List.of(), check("POST", "/api/v1/categories", "{\"slug\":\"art\",\"name\":\"Art\"}", 201,
                "application/json", category));
        assertViolation(check("POST", "/api/v1/categories", "{\"slug\":\"art\",\"colour\":\"red\"}", 201,
                "application/json", category), "[request body]");
        assertViolation(check("POST", "/api/v1/categories", "{\"slug\":7}", 201, "application/json", category),
                "at '/slug'");
        assertEquals(List.of(), check("POST", "/api/v1/categories", "{\"slug\":7}", 400, "application/problem+json",
                "{\"type\":\"urn:lectern:problem:request.invalid\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"d\",\"code\":\"request.invalid\",\"instance\":\"r1\",\"errors\":[]}"),
                "a refused body is the bad-input tests' business");
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertEquals(List.of(), check("GET", "/api/v1/certificates/public-key", 200, "application/json",
                "{\"algorithm\":\"Ed25519\",\"format\":\"X.509\",\"publicKey\":\"MCow\"}"));
    }
}
