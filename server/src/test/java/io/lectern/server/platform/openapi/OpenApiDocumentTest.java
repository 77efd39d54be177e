package io.lectern.server.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document cannot drift from the code: every registered route is in it with its method and access, every
 * checked-in detail belongs to a registered route, every operation says what it answers, and an independent parser
 * (swagger-parser) accepts it. That answers match it is checked on every HTTP test's answers ({@code ApiConformance}).
 */
class OpenApiDocumentTest {

    private static LecternServer server;
    private static Http http;
    private static JsonNode served;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = new Http(server.baseUri());
        Http.Response r = http.get(OpenApiRoutes.PATH);
        assertEquals(200, r.status(), () -> r.raw().body());
        assertEquals("application/json", r.header("Content-Type"));
        served = r.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anIndependentParserAcceptsTheServedDocument() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(http.get(OpenApiRoutes.PATH).raw().body(), null,
                options);
        assertTrue(result.getMessages().isEmpty(), () -> "swagger-parser: " + String.join("\n", result.getMessages()));
        OpenAPI api = result.getOpenAPI();
        assertTrue(api.getOpenapi().startsWith("3.1"), api.getOpenapi());
        assertEquals(served.path("paths").size(), api.getPaths().size());
        assertTrue(api.getComponents().getSchemas().containsKey("Problem"));
    }

    @Test
    void everyRegisteredRouteIsAnOperationWithItsMethodAndAccess() {
        Map<String, JsonNode> byRoute = new HashMap<>();
        served.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode previous = byRoute.put(op.getValue().path("x-lectern-route").asText(), op.getValue());
            assertNull(previous, "two operations for " + op.getValue().path("x-lectern-route").asText());
            assertEquals(op.getKey(), op.getValue().path("x-lectern-route").asText().split(" ")[0].toLowerCase(Locale.ROOT),
                    path.getKey() + " " + op.getKey());
        }));
        List<String> wrong = new ArrayList<>();
        for (ApiRoutes.Route route : server.routes()) {
            String key = route.method().text() + " " + route.path();
            JsonNode op = byRoute.remove(key);
            if (op == null) {
                wrong.add(key + ": missing");
                continue;
            }
            if (op.path("x-lectern-undocumented").asBoolean(false)) {
                wrong.add(key + ": no details in openapi/operations/*.json");
            }
            boolean secured = op.has("security") && !op.path("security").isEmpty();
            if (secured != route.access().authenticated()
                    || op.path("x-lectern-access").path("authenticated").asBoolean() != route.access().authenticated()
                    || op.path("x-lectern-access").path("roles").size() != route.access().roles().size()) {
                wrong.add(key + ": access is not " + route.access());
            }
        }
        byRoute.keySet().forEach(k -> wrong.add(k + ": not a registered route"));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyCheckedInDetailIsUsed() {
        OpenApiDocument.Built built = OpenApiDocument.build(server.routes(), Json.mapper());
        assertTrue(built.unusedRoutes().isEmpty(), () -> "Details for routes that are not registered: "
                + built.unusedRoutes());
        assertTrue(built.unusedFacts().isEmpty(), () -> "records entries that name no schema: " + built.unusedFacts());
        assertEquals(served, Json.mapper().valueToTree(built.document()), "the served document is the built one");
    }

    @Test
    void everyOperationSaysWhatItAnswersAndHasAUniqueId() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        served.path("paths").properties().forEach(path -> path.getValue().properties().forEach(e -> {
            JsonNode op = e.getValue();
            String where = e.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (!ids.add(op.path("operationId").asText())) {
                wrong.add(where + ": operationId " + op.path("operationId").asText() + " is used twice");
            }
            if (op.path("summary").asText().isBlank()) {
                wrong.add(where + ": no summary");
            }
            boolean success = false;
            for (var response : op.path("responses").properties()) {
                if (response.getKey().startsWith("2")) {
                    success = true;
                    response.getValue().path("content").properties().stream()
                            .filter(c -> c.getKey().contains("json") && !c.getValue().has("schema"))
                            .forEach(c -> wrong.add(where + " " + response.getKey() + ": JSON without a schema"));
                }
            }
            if (!success) {
                wrong.add(where + ": no 2xx response");
            }
        }));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void errorsShareTheProblemSchema() {
        JsonNode problem = served.at("/components/responses/Problem/content/application~1problem+json/schema");
        assertEquals("#/components/schemas/Problem", problem.path("$ref").asText());
        served.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> assertEquals(
                "#/components/responses/Problem", op.getValue().at("/responses/default/$ref").asText(), path.getKey())));
        JsonNode schema = served.at("/components/schemas/Problem");
        assertTrue(schema.path("required").toString().contains("\"code\""), schema::toString);
    }
}
