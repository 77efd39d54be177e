package io.lectern.server.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the route table does not know about the API, checked in under {@code openapi/} on the class path:
 * {@code lectern.json} (info, the tags, one per module, the schemas written by hand, and {@code records}: facts about
 * shared-model records their types do not tell) and, per tag, {@code operations/<tag>.json}: for each
 * {@code "METHOD /path/{template}"} as registered, its {@code operationId}, {@code summary}, optional
 * {@code description}, {@code path}, {@code query} and {@code headers} parameters (name → schema name, or
 * {@code {schema, description, required}}), {@code request} (a schema name, or {@code {schema, contentType,
 * required, description}}) and {@code responses} (status → a JSON schema name; {@code null} for no body; or
 * {@code {description, schema, contentType, content: {type → schema name or null}, headers: {name → description}}}).
 * Schema names are explained in {@link SchemaNames}.
 */
final class OperationDetails {

    static final String BASE = "openapi/lectern.json";
    private static final Set<String> OPERATION_KEYS = Set.of("operationId", "summary", "description", "path", "query",
            "headers", "request", "responses");

    /**
     * One operation's details.
     *
     * @param tag         the module it belongs to (the file it is in)
     * @param operationId unique id
     * @param summary     one line
     * @param description more, or null
     * @param path        path parameters by name
     * @param query       query parameters by name
     * @param headers     request headers by name
     * @param request     the request body, or null
     * @param responses   responses by status
     */
    record Operation(String tag, String operationId, String summary, String description, Map<String, JsonNode> path,
                     Map<String, JsonNode> query, Map<String, JsonNode> headers, JsonNode request, ObjectNode responses) {
    }

    private final ObjectNode base;
    private final Map<String, Operation> operations;
    private final Map<String, SchemaGenerator.RecordFacts> facts;

    private OperationDetails(ObjectNode base, Map<String, Operation> operations,
                             Map<String, SchemaGenerator.RecordFacts> facts) {
        this.base = base;
        this.operations = operations;
        this.facts = facts;
    }

    static OperationDetails load(ObjectMapper mapper) {
        ObjectNode base = read(mapper, BASE);
        Map<String, Operation> operations = new LinkedHashMap<>();
        for (JsonNode tag : base.withArray("tags")) {
            String name = tag.path("name").asText();
            String file = "openapi/operations/" + name + ".json";
            read(mapper, file).properties().forEach(e -> {
                if (operations.put(e.getKey(), operation(file, name, e.getKey(), e.getValue())) != null) {
                    throw new IllegalStateException("OpenAPI details: " + e.getKey() + " is described twice");
                }
            });
        }
        Map<String, SchemaGenerator.RecordFacts> facts = new LinkedHashMap<>();
        base.path("records").properties().forEach(e -> facts.put(e.getKey(), new SchemaGenerator.RecordFacts(
                e.getValue().has("name") ? e.getValue().get("name").asText() : null,
                names(e.getValue().path("nullable")), names(e.getValue().path("required")))));
        return new OperationDetails(base, operations, facts);
    }

    private static Operation operation(String file, String tag, String key, JsonNode node) {
        String where = "OpenAPI details (" + file + "), " + key + ": ";
        if (!key.matches("(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH) /\\S*")) {
            throw new IllegalStateException(where + "the key is not \"METHOD /path\"");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!OPERATION_KEYS.contains(f)) {
                throw new IllegalStateException(where + "unknown field '" + f + "'");
            }
        });
        if (!node.path("operationId").isTextual() || !node.path("summary").isTextual()
                || !node.path("responses").isObject() || node.path("responses").isEmpty()) {
            throw new IllegalStateException(where + "operationId, summary and responses are required");
        }
        return new Operation(tag, node.get("operationId").asText(), node.get("summary").asText(),
                node.has("description") ? node.get("description").asText() : null, map(node.path("path")),
                map(node.path("query")), map(node.path("headers")), node.get("request"),
                (ObjectNode) node.get("responses"));
    }

    private static Map<String, JsonNode> map(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static ObjectNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = OperationDetails.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI details: " + resource + " is not on the class path");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenAPI details: " + resource + " is not valid JSON", e);
        }
    }

    ObjectNode info() {
        return base.get("info").deepCopy();
    }

    ArrayNode tags() {
        return base.withArray("tags").deepCopy();
    }

    ObjectNode schemas() {
        return base.has("schemas") ? (ObjectNode) base.get("schemas") : base.objectNode();
    }

    Map<String, SchemaGenerator.RecordFacts> facts() {
        return facts;
    }

    Operation operation(String key) {
        return operations.get(key);
    }

    Set<String> keys() {
        return operations.keySet();
    }
}
