package io.lectern.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A tiny HTTP client for tests: requests against a base URI, answers with status, headers and JSON. */
public final class Http {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Whether every answer is checked against the server's OpenAPI document ({@link ApiConformance}). */
    private static final boolean CONFORMANCE = Boolean.getBoolean("lectern.openapi.conformance");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The document of the server at {@code base}, fetched with the first answer to check; empty when it has none. */
    private Optional<ApiConformance> conformance;

    public Http(URI base) {
        this.base = base;
    }

    /** The underlying client, for requests whose body is not text (PDFs, media). */
    public HttpClient client() {
        return client;
    }

    /** A response: status, the raw response and the body parsed as JSON (null when it is not JSON). */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, optional JSON body, optional bearer token. */
    public Response call(String method, String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    public Response get(String path, String token) {
        return call("GET", path, null, token);
    }

    public Response post(String path, String json, String token) {
        return call("POST", path, json, token);
    }

    /** JSON from alternating keys and values, e.g. {@code json("email", e, "code", c)}; nulls are left out. */
    public static String json(Object... keysAndValues) {
        var node = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v != null) {
                node.set((String) keysAndValues[i], MAPPER.valueToTree(v));
            }
        }
        return node.toString();
    }

    /**
     * Fails the request (and so the test that made it) when the answer does not match the server's OpenAPI document:
     * an undocumented operation, status or media type, or a body that breaks the response's schema.
     */
    private void conform(HttpRequest request, HttpResponse<String> response, JsonNode json) {
        if (!request.uri().getRawAuthority().equals(base.getRawAuthority())) {
            return; // another server (the management port, a stand-in) reached through this client
        }
        if (conformance == null) {
            conformance = ApiConformance.of(client, base);
        }
        List<String> violations = conformance.map(c -> c.violations(ApiConformance.Answer.of(request, response, json,
                sentJson(request)))).orElse(List.of());
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer does not match the OpenAPI document (" + ApiConformance.PROPERTY
                    + "):\n  " + String.join("\n  ", violations));
        }
    }

    /** The request's body as JSON when it was sent as JSON from memory (text or bytes), else null. */
    private static JsonNode sentJson(HttpRequest request) {
        if (!request.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return null;
        }
        return request.bodyPublisher().filter(p -> p.contentLength() > 0).map(p -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            p.subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(java.nio.ByteBuffer item) {
                    byte[] chunk = new byte[item.remaining()];
                    item.get(chunk);
                    bytes.writeBytes(chunk);
                }

                @Override
                public void onError(Throwable t) {
                    // not readable again: nothing to check
                }

                @Override
                public void onComplete() {
                }
            });
            try {
                return bytes.size() == p.contentLength() ? MAPPER.readTree(bytes.toByteArray()) : null;
            } catch (IOException e) {
                return null; // not JSON after all: the server judged it
            }
        }).orElse(null);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = MAPPER.readTree(response.body());
            }
            if (CONFORMANCE) {
                conform(built, response, json);
            }
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
