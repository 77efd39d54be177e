package io.lectern.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an answer of the server against the OpenAPI document the same server serves: the operation (by method and
 * path template), a documented status (errors may fall back on {@code default}), a documented media type, and the JSON
 * body against the response's schema, with networknt's json-schema-validator (draft 2020-12, OpenAPI 3.1 dialect,
 * formats asserted). {@link Http} runs it on every answer when {@code lectern.openapi.conformance} is {@code true} (the
 * server module's surefire configuration sets it), so every HTTP test is also a test of the document.
 */
public final class ApiConformance {

    /** The system property that turns the check on. */
    public static final String PROPERTY = "lectern.openapi.conformance";
    private static final String DOCUMENT = "/api/v1/openapi.json";
    private static final String IRI = "https://lectern.invalid/openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{(\\+?)[^}]+}");
    /** Compiled documents by content hash: every full test server serves the same one. */
    private static final Map<String, ApiConformance> BY_CONTENT = new ConcurrentHashMap<>();
    /** The validator warns about the document's non-schema members; kept here so the setting is not collected. */
    private static final Logger QUIET = Logger.getLogger("com.networknt");

    static {
        QUIET.setLevel(Level.SEVERE);
    }

    /** One operation of the document. */
    private record Operation(String method, String path, Pattern pattern, int literals, ObjectNode node) {
    }

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger compiled = new AtomicInteger();

    private ApiConformance(JsonNode document, String text) {
        this.document = document;
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(IRI, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER).build()));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getValue().has("responses")) {
                String route = op.getValue().path("x-lectern-route").asText(op.getKey().toUpperCase(Locale.ROOT) + " "
                        + path.getKey());
                String template = route.substring(route.indexOf(' ') + 1);
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern(template),
                        PARAM.matcher(template).replaceAll("").length(), (ObjectNode) op.getValue()));
            }
        }));
    }

    /** The document {@code base} serves, compiled; empty when it serves none (a stand-in, the management port). */
    public static Optional<ApiConformance> of(HttpClient client, URI base) {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(DOCUMENT)).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                return Optional.empty();
            }
            String text = r.body();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            JsonNode doc = MAPPER.readTree(text);
            if (!doc.path("openapi").asText().startsWith("3.1")) {
                return Optional.empty();
            }
            return Optional.of(BY_CONTENT.computeIfAbsent(hash, h -> new ApiConformance(doc, text)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A template's regular expression: a parameter is one segment; {@code {+name}} may span several. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append(m.group(1).isEmpty() ? "[^/]+" : ".+");
            last = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
    }

    /**
     * An answer to check.
     *
     * @param method      the request's method
     * @param uri         the request's URI
     * @param preflight   whether the request was a CORS preflight (answered by a filter for every route)
     * @param status      the status
     * @param contentType the {@code Content-Type}, or empty
     * @param body        the body as text, or empty
     * @param json        the body as JSON, or null when it is not JSON
     */
    public record Answer(String method, URI uri, boolean preflight, int status, String contentType, String body,
                         JsonNode json, JsonNode sent) {

        /** The answer {@link Http} received; {@code sent} is the JSON request body, if there was one. */
        static Answer of(HttpRequest request, HttpResponse<String> response, JsonNode json, JsonNode sent) {
            return new Answer(request.method(), request.uri(), request.method().equals("OPTIONS")
                    && request.headers().firstValue("Access-Control-Request-Method").isPresent(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), json, sent);
        }
    }

    /**
     * What in an answer the document does not allow, as sentences naming the request, the operation and, for the
     * body, the JSON pointer; empty when it conforms.
     */
    public List<String> violations(Answer a) {
        if (a.preflight()) {
            return List.of();
        }
        String path = a.uri().getRawPath();
        String essence = a.contentType().contains(";") ? a.contentType().substring(0, a.contentType().indexOf(';')).strip()
                : a.contentType().strip();
        String what = a.method() + " " + path + (a.uri().getRawQuery() == null ? "" : "?" + a.uri().getRawQuery())
                + " answered " + a.status() + (essence.isEmpty() ? "" : " " + essence);
        Operation op = operations.stream().filter(o -> o.method().equals(a.method()) && o.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(Operation::literals)).orElse(null);
        List<String> out = new ArrayList<>();
        if (op == null) {
            if (a.status() < 400) {
                out.add(what + ": no operation in the OpenAPI document matches " + a.method() + " " + path);
            } else if (a.json() != null && essence.endsWith("json")) {
                check(out, what, "/components/responses/Problem/content/application~1problem+json/schema", a.json());
            }
            return out;
        }
        what += " (" + op.node().path("operationId").asText() + ")";
        JsonNode responses = op.node().path("responses");
        String key = Integer.toString(a.status());
        if (op.node().path("x-lectern-undocumented").asBoolean(false) && a.status() < 400) {
            return out; // a route the test registered itself: the document knows only that it exists
        }
        queryParameters(out, what, op, a.uri());
        acceptedRequest(out, what, op, a);
        if (!responses.has(key) && a.status() < 400) {
            out.add(what + ": the document lists no " + a.status() + " response for " + a.method() + " " + op.path());
            return out;
        }
        String pointer = "/paths/" + escape(op.path()) + "/" + a.method().toLowerCase(Locale.ROOT) + "/responses/"
                + (responses.has(key) ? key : "default");
        JsonNode answer = responses.has(key) ? responses.get(key) : responses.path("default");
        if (answer.has("$ref")) {
            pointer = answer.get("$ref").asText().substring(1);
            answer = document.at(pointer);
        }
        body(out, what, pointer, answer.path("content"), essence, a.body(), a.json());
        return out;
    }

    private void body(List<String> out, String what, String pointer, JsonNode content, String essence, String body,
                      JsonNode json) {
        if (body == null || body.isEmpty()) {
            return; // HEAD, 204, tus answers: nothing to check
        }
        if (content.has("*/*")) {
            return;
        }
        if (!content.has(essence)) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            out.add(what + ": the document allows " + (documented.isEmpty() ? "no body" : documented) + " here");
            return;
        }
        JsonNode media = content.get(essence);
        if (json != null && media.has("schema")) {
            check(out, what, pointer + "/content/" + escape(essence) + "/schema", json);
        }
    }

    /**
     * A JSON body the server accepted (it answered 2xx) must be what the document says the operation takes: the
     * clients reading the document would send the same. Refused bodies are the bad-input tests' business.
     */
    private void acceptedRequest(List<String> out, String what, Operation op, Answer a) {
        if (a.sent() == null || a.status() < 200 || a.status() >= 300) {
            return;
        }
        JsonNode body = op.node().path("requestBody");
        if (body.isMissingNode() && a.sent().isObject() && a.sent().isEmpty()) {
            return; // "{}" where no body is taken: the same as none
        }
        if (body.isMissingNode()) {
            out.add(what + ": a JSON body was accepted, but the document takes none for " + a.method() + " " + op.path());
        } else if (body.path("content").path("application/json").has("schema")) {
            check(out, what + " [request body]", "/paths/" + escape(op.path()) + "/" + a.method().toLowerCase(Locale.ROOT)
                    + "/requestBody/content/application~1json/schema", a.sent());
        }
    }

    private static void queryParameters(List<String> out, String what, Operation op, URI uri) {
        if (uri.getRawQuery() == null) {
            return;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String name = java.net.URLDecoder.decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair,
                    StandardCharsets.UTF_8);
            boolean documented = false;
            for (JsonNode p : op.node().path("parameters")) {
                documented |= p.path("in").asText().equals("query") && p.path("name").asText().equals(name);
            }
            if (!documented && !name.isEmpty()) {
                out.add(what + ": query parameter '" + name + "' is not documented");
            }
        }
    }

    private void check(List<String> out, String what, String pointer, JsonNode json) {
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of("https://lectern.invalid"
                + "/responses/" + compiled.incrementAndGet()), absolute(document.at(p).deepCopy())));
        for (Error e : schema.validate(json)) {
            String at = e.getInstanceLocation().toString();
            out.add(what + ": at '" + (at.isEmpty() ? "/" : at) + "' " + e.getMessage() + " (schema " + pointer + ")");
        }
    }

    /** Turns the document's local {@code $ref}s into absolute ones, so a schema lifted out of it still finds them. */
    private static JsonNode absolute(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.put("$ref", IRI + ref.asText());
            }
            object.forEach(ApiConformance::absolute);
        } else if (node.isArray()) {
            node.forEach(ApiConformance::absolute);
        }
        return node;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
