package io.lectern.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo's way into Lectern: its public HTTP API, as any client uses it (sign-in, JSON calls, tus uploads), so
 * the demo courses are built, checked and published by the same rules as an instructor's.
 */
final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    DemoApi(URI base) {
        this.base = base;
    }

    /** A call the server refused: what was asked and what it answered. */
    static final class DemoApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoApiException(String message) {
            super(message);
        }
    }

    /** Signs in; returns the access token. */
    String login(String email, String password) {
        return call("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null)
                .path("accessToken").asText();
    }

    JsonNode get(String path, String token) {
        return call("GET", path, null, token);
    }

    JsonNode post(String path, Object body, String token) {
        return call("POST", path, body, token);
    }

    JsonNode put(String path, Object body, String token) {
        return call("PUT", path, body, token);
    }

    /** Any JSON call; a status outside 2xx throws with the server's problem text. */
    JsonNode call(String method, String path, Object body, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = send(b.build());
            if (r.statusCode() / 100 != 2) {
                throw new DemoApiException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a file with tus 1.0 creation-with-upload (one request); returns its media id. */
    String upload(String token, String filename, String type, String purpose, byte[] content) {
        String metadata = "filename " + b64(filename) + ",filetype " + b64(type) + ",purpose " + b64(purpose);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/uploads")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(content.length)).header("Upload-Metadata", metadata)
                .header("Content-Type", "application/offset+octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<String> r = send(request);
        String offset = r.headers().firstValue("Upload-Offset").orElse("0");
        if (r.statusCode() != 201 || Long.parseLong(offset) != content.length) {
            throw new DemoApiException("The upload of " + filename + " answered " + r.statusCode() + " at offset "
                    + offset + ": " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow(
                () -> new DemoApiException("The upload of " + filename + " has no Location"));
        return location.substring(location.lastIndexOf('/') + 1); // a finished upload becomes the media of its id
    }

    /** Polls a GET until its answer passes, or gives up after {@code timeout}; returns the last answer. */
    JsonNode await(String path, String token, Predicate<JsonNode> done, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        JsonNode last = get(path, token);
        while (!done.test(last) && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = get(path, token);
        }
        return last;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoApiException("Interrupted while calling " + request.uri());
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
