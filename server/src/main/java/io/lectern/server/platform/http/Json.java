package io.lectern.server.platform.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.common.FieldViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request and response bodies as JSON through Jackson. Reading is bounded, strict about unknown fields, and
 * turns every parse failure into a 4xx that names the field, never Jackson's internal message.
 */
public final class Json {

    public static final String MEDIA_TYPE = "application/json";

    private final ObjectMapper mapper;
    private final int maxBytes;

    public Json(int maxBytes) {
        this.maxBytes = maxBytes;
        this.mapper = mapper();
    }

    /**
     * The project's one JSON configuration: ISO dates, strict input. A number is a JSON number: {@code ""} or
     * {@code "5"} where a number (or a date, an id, a choice) belongs is refused, not read as null or converted.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    /**
     * A PATCH body: the value, and which top-level fields the client sent, so an explicit {@code null} (clear it)
     * differs from an absent field (keep it).
     *
     * @param value  the body as a record
     * @param fields names of the fields present in the JSON
     * @param <T>    body type
     */
    public record Patch<T>(T value, Set<String> fields) {
        public boolean has(String field) {
            return fields.contains(field);
        }
    }

    /** Reads the request body as {@code type}, answering 413, 415 or 400 when it cannot. */
    public <T> T read(ServerRequest request, Class<T> type) {
        return readPatch(request, type).value();
    }

    /** As {@link #read} for the few endpoints that take large batches (at most {@code limit} bytes). */
    public <T> T readLarge(ServerRequest request, Class<T> type, int limit) {
        return parse(readBody(request, Math.max(limit, maxBytes)), type).value();
    }

    /** As {@link #read}, remembering which fields were present. */
    public <T> Patch<T> readPatch(ServerRequest request, Class<T> type) {
        return parse(readBody(request), type);
    }

    /** Reads an optional body: {@code fallback} when the request has none. */
    public <T> T readOptional(ServerRequest request, Class<T> type, T fallback) {
        byte[] body = readBody(request);
        return body.length == 0 ? fallback : parse(body, type).value();
    }

    private byte[] readBody(ServerRequest request) {
        return readBody(request, maxBytes);
    }

    private byte[] readBody(ServerRequest request, int limit) {
        request.headers().contentType().ifPresent(ct -> {
            if (!ct.mediaType().subtype().equals("json") && !ct.mediaType().subtype().endsWith("+json")) {
                throw new ApiException(415, "request.unsupported_media_type", "Send the body as application/json.");
            }
        });
        if (request.headers().contentLength().orElse(0) > limit) {
            throw tooLarge(limit);
        }
        return readBounded(request, limit);
    }

    private <T> Patch<T> parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(400, "request.body_missing", "This request needs a JSON body.");
        }
        T value;
        Set<String> fields = new HashSet<>();
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new ApiException(400, "request.body_missing", "This request needs a JSON object as its body.");
            }
            tree.fieldNames().forEachRemaining(fields::add);
            requireCleanText(tree, "");
            value = mapper.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(List.of(new FieldViolation(path(e), "unknown",
                    "Unknown field '" + e.getPropertyName() + "'.")));
        } catch (MismatchedInputException e) {
            throw ApiException.invalid(List.of(new FieldViolation(path(e), "type",
                    "Field '" + path(e) + "' has the wrong type.")));
        } catch (JsonParseException e) {
            throw new ApiException(400, "request.malformed_json", "The body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(400, "request.malformed_json", "The body is not valid JSON.");
        }
        if (value == null) {
            throw new ApiException(400, "request.body_missing", "This request needs a JSON object as its body.");
        }
        return new Patch<>(value, Set.copyOf(fields));
    }

    /** Refuses NUL bytes, other control characters (line breaks and tabs are text) and lone surrogates anywhere. */
    private static void requireCleanText(JsonNode node, String path) {
        if (node.isTextual()) {
            TextGuard.problem(node.textValue(), true).ifPresent(p -> {
                throw ApiException.invalid(List.of(new FieldViolation(path.isEmpty() ? "body" : path, "characters",
                        "Field '" + path + "' holds " + p + ".")));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireCleanText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (TextGuard.problem(field.getKey(), false).isPresent()) {
                    throw ApiException.invalid(List.of(new FieldViolation("body", "characters",
                            "A field name holds a character that is not allowed.")));
                }
                requireCleanText(field.getValue(), name);
            }
        }
    }

    private byte[] readBounded(ServerRequest request, int limit) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(413, "request.too_large", "The body is larger than " + limit + " bytes.");
    }

    private static String path(JacksonException e) {
        if (!(e instanceof MismatchedInputException m) || m.getPath().isEmpty()) {
            return "body";
        }
        return m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** {@code body} serialized, for answers kept in a cache. */
    public byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an already serialized JSON body. */
    public void writeBytes(ServerResponse response, int status, byte[] body) {
        response.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE).send(body);
    }

    /** Writes {@code body} as JSON with {@code status}. */
    public void write(ServerResponse response, int status, Object body) {
        write(response, status, body, MEDIA_TYPE);
    }

    void write(ServerResponse response, int status, Object body, String mediaType) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(body);
            response.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, mediaType).send(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
