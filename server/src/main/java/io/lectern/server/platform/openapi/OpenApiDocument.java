package io.lectern.server.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.lectern.model.common.ApiProblem;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.openapi.SchemaGenerator.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI 3.1 document, built from the route table itself so that no registered route can be missing:
 * each route's method, path (its {@code {params}} as path parameters) and access ({@code security} and
 * {@code x-lectern-access}) come from {@link ApiRoutes#routes()}. What the route table does not know (summary, query
 * parameters, request body, responses) comes from the checked-in {@link OperationDetails}, whose schemas are generated
 * from the shared-model records ({@link SchemaGenerator}) or written by hand where a handler writes a map. A route
 * without details still appears, marked {@code x-lectern-undocumented}; the tests refuse that for the real server.
 */
public final class OpenApiDocument {

    static final String VERSION = "3.1.0";
    private static final Pattern PARAM = Pattern.compile("\\{(\\+?)([^}]+)}");
    private static final List<String> METHOD_ORDER = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * A built document and what of the details it did not use (for the tests, on the full server).
     *
     * @param document     the OpenAPI document
     * @param unusedFacts  {@code records} entries that named no generated schema
     * @param unusedRoutes operation details whose route is not registered
     */
    public record Built(ObjectNode document, Set<String> unusedFacts, Set<String> unusedRoutes) {
    }

    private final ObjectMapper mapper;
    private final OperationDetails details;
    private final ObjectNode components;
    private final SchemaGenerator generator;
    private final SchemaNames names;
    private final List<Runnable> requestBodies = new ArrayList<>();

    private OpenApiDocument(ObjectMapper mapper, OperationDetails details) {
        this.mapper = mapper;
        this.details = details;
        this.components = details.schemas().deepCopy();
        this.generator = new SchemaGenerator(mapper, details.facts(), components);
        this.names = new SchemaNames(generator, components, fieldNames(details.schemas()), mapper.getTypeFactory());
    }

    /** The document for {@code routes}, with the details in {@code openapi/} on the class path. */
    public static Built build(List<ApiRoutes.Route> routes, ObjectMapper mapper) {
        return new OpenApiDocument(mapper, OperationDetails.load(mapper)).document(routes);
    }

    private Built document(List<ApiRoutes.Route> routes) {
        ObjectNode doc = mapper.createObjectNode().put("openapi", VERSION);
        doc.set("info", details.info());
        doc.set("tags", details.tags());
        String problem = generator.component(mapper.constructType(ApiProblem.class), Mode.OUTPUT);
        fieldNames(details.schemas()).forEach(name -> embedded(components.get(name)));
        ObjectNode paths = doc.putObject("paths");
        Map<String, String> shapes = new HashMap<>();
        Set<String> used = new TreeSet<>();
        List<ApiRoutes.Route> sorted = routes.stream().sorted(Comparator.comparing((ApiRoutes.Route r) -> docPath(r.path()))
                .thenComparing(r -> METHOD_ORDER.indexOf(r.method().text().toLowerCase(Locale.ROOT)))).toList();
        for (ApiRoutes.Route route : sorted) {
            String key = route.method().text() + " " + route.path();
            String path = shapes.computeIfAbsent(docPath(route.path()).replaceAll("\\{[^}]+}", "{}"),
                    shape -> docPath(route.path()));
            OperationDetails.Operation detail = details.operation(key);
            if (detail != null) {
                used.add(key);
            }
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(route.method().text().toLowerCase(Locale.ROOT), operation(route, path, detail));
        }
        requestBodies.forEach(Runnable::run);
        ObjectNode all = doc.putObject("components");
        ObjectNode schemas = all.putObject("schemas");
        fieldNames(components).forEach(n -> schemas.set(n, components.get(n)));
        ObjectNode response = all.putObject("responses").putObject("Problem")
                .put("description", "A problem (RFC 9457): what went wrong, with a stable code.");
        response.putObject("content").putObject(ApiProblem.MEDIA_TYPE).set("schema", SchemaGenerator.ref(problem));
        all.putObject("securitySchemes").putObject("bearerAuth").put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT").put("description", "The access token from /api/v1/auth/login (or refresh).");
        Set<String> unusedRoutes = new TreeSet<>(details.keys());
        unusedRoutes.removeAll(used);
        return new Built(doc, generator.unusedFacts(), unusedRoutes);
    }

    /** In a hand-written schema, {@code {"x-lectern-schema": "Name"}} stands for a generated one (see {@link SchemaNames}). */
    private void embedded(JsonNode node) {
        if (node.isArray()) {
            node.forEach(this::embedded);
        } else if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : fieldNames(object)) {
                JsonNode child = object.get(field);
                if (child.isObject() && child.has("x-lectern-schema")) {
                    object.set(field, names.schema(child.get("x-lectern-schema").asText(), Mode.OUTPUT));
                } else {
                    embedded(child);
                }
            }
        }
    }

    private static Set<String> fieldNames(ObjectNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A route template as an OpenAPI path: {@code {+path}} (which may span segments) becomes {@code {path}}. */
    static String docPath(String template) {
        return template.replace("{+", "{");
    }

    private ObjectNode operation(ApiRoutes.Route route, String path, OperationDetails.Operation detail) {
        String key = route.method().text() + " " + route.path();
        ObjectNode op = mapper.createObjectNode();
        if (detail == null) {
            op.putArray("tags").add("undocumented");
            op.put("summary", "A route without checked-in details").put("operationId", operationId(key));
            op.put("x-lectern-undocumented", true);
        } else {
            op.putArray("tags").add(detail.tag());
            op.put("summary", detail.summary());
            if (detail.description() != null) {
                op.put("description", detail.description());
            }
            op.put("operationId", detail.operationId());
        }
        op.put("x-lectern-route", key);
        ArrayNode parameters = mapper.createArrayNode();
        pathParameters(route.path(), path, detail, parameters);
        if (detail != null) {
            detail.query().forEach((name, spec) -> parameters.add(parameter(name, "query", spec, false)));
            detail.headers().forEach((name, spec) -> parameters.add(parameter(name, "header", spec, false)));
        }
        if (!parameters.isEmpty()) {
            op.set("parameters", parameters);
        }
        if (detail != null && detail.request() != null) {
            requestBodies.add(() -> op.set("requestBody", requestBody(detail.request())));
        }
        access(route, op);
        op.set("responses", responses(route, detail));
        return op;
    }

    private void pathParameters(String template, String path, OperationDetails.Operation detail, ArrayNode out) {
        Matcher own = PARAM.matcher(template);
        Matcher shared = PARAM.matcher(path);
        while (own.find() && shared.find()) {
            String name = own.group(2);
            JsonNode spec = detail == null ? null : detail.path().get(name);
            ObjectNode p = parameter(shared.group(2), "path", spec, true);
            if (!name.equals(shared.group(2)) && !p.has("description")) {
                p.put("description", "The " + name + " (this path's other operations name it " + shared.group(2) + ").");
            }
            if (!own.group(1).isEmpty()) {
                p.put("description", (p.has("description") ? p.get("description").asText() + " " : "")
                        + "It may contain '/'.");
            }
            out.add(p);
        }
    }

    private ObjectNode parameter(String name, String in, JsonNode spec, boolean required) {
        ObjectNode p = mapper.createObjectNode().put("name", name).put("in", in);
        String schema = "string";
        if (spec != null && spec.isTextual()) {
            schema = spec.asText();
        } else if (spec != null && spec.isObject()) {
            schema = spec.path("schema").asText("string");
            if (spec.has("description")) {
                p.put("description", spec.get("description").asText());
            }
            required = required || spec.path("required").asBoolean(false);
        }
        p.put("required", required);
        p.set("schema", names.schema(schema, Mode.INPUT));
        return p;
    }

    private ObjectNode requestBody(JsonNode spec) {
        ObjectNode body = mapper.createObjectNode();
        String contentType = "application/json";
        JsonNode schema = spec;
        if (spec.isObject()) {
            contentType = spec.path("contentType").asText(contentType);
            schema = spec.get("schema");
            body.put("required", spec.path("required").asBoolean(true));
            if (spec.has("description")) {
                body.put("description", spec.get("description").asText());
            }
        } else {
            body.put("required", true);
        }
        ObjectNode media = body.putObject("content").putObject(contentType);
        if (schema != null && !schema.isNull()) {
            media.set("schema", names.schema(schema.asText(), Mode.INPUT));
        }
        return body;
    }

    private void access(ApiRoutes.Route route, ObjectNode op) {
        ObjectNode access = op.putObject("x-lectern-access").put("authenticated", route.access().authenticated());
        ArrayNode roles = access.putArray("roles");
        route.access().roles().stream().map(Enum::name).sorted().forEach(roles::add);
        if (route.access().authenticated()) {
            op.putArray("security").addObject().putArray("bearerAuth");
        }
    }

    private ObjectNode responses(ApiRoutes.Route route, OperationDetails.Operation detail) {
        ObjectNode out = mapper.createObjectNode();
        if (detail != null) {
            detail.responses().properties().forEach(e -> out.set(e.getKey(), response(e.getKey(), e.getValue())));
        }
        if (route.access().authenticated() && !out.has("401")) {
            out.putObject("401").put("$ref", "#/components/responses/Problem");
        }
        if (!route.access().roles().isEmpty() && !out.has("403")) {
            out.putObject("403").put("$ref", "#/components/responses/Problem");
        }
        out.putObject("default").put("$ref", "#/components/responses/Problem");
        return out;
    }

    private ObjectNode response(String status, JsonNode spec) {
        ObjectNode r = mapper.createObjectNode();
        String description = Status.create(Integer.parseInt(status)).reasonPhrase() + ".";
        if (spec == null || spec.isNull()) {
            return r.put("description", status.equals("204") ? "No content." : description);
        }
        if (spec.isTextual()) {
            r.put("description", description);
            r.putObject("content").putObject("application/json").set("schema", names.schema(spec.asText(), Mode.OUTPUT));
            return r;
        }
        r.put("description", spec.path("description").asText(description));
        Map<String, JsonNode> content = new LinkedHashMap<>();
        if (spec.has("content")) {
            spec.get("content").properties().forEach(e -> content.put(e.getKey(), e.getValue()));
        } else if (spec.has("schema") || spec.has("contentType")) {
            content.put(spec.path("contentType").asText("application/json"), spec.get("schema"));
        }
        if (!content.isEmpty()) {
            ObjectNode c = r.putObject("content");
            content.forEach((type, schema) -> {
                ObjectNode media = c.putObject(type);
                if (schema != null && !schema.isNull()) {
                    media.set("schema", names.schema(schema.asText(), Mode.OUTPUT));
                } else if (type.startsWith("text/")) {
                    media.putObject("schema").put("type", "string");
                }
            });
        }
        if (spec.has("headers")) {
            ObjectNode headers = r.putObject("headers");
            spec.get("headers").properties().forEach(e -> headers.putObject(e.getKey()).put("description",
                    e.getValue().asText()).putObject("schema").put("type", "string"));
        }
        return r;
    }

    /** {@code GET /api/v1/courses/{id}/draft} → {@code getApiV1CoursesIdDraft}, for routes without details. */
    static String operationId(String key) {
        StringBuilder id = new StringBuilder(key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT));
        for (String part : key.substring(key.indexOf(' ') + 1).split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
