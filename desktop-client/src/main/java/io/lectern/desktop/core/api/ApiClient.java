package io.lectern.desktop.core.api;

import static io.lectern.desktop.core.i18n.Messages.tr;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lectern.model.common.ApiProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Talks JSON to the Lectern server. Every failure becomes either an {@link ApiError} carrying the server's
 * problem document or a {@link ServerUnreachableException}; callers never see raw HTTP. Calls that need a
 * signed-in user pass the access token, which goes in the {@code Authorization: Bearer} header.
 */
public final class ApiClient {

    private final URI server;
    private final HttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ApiClient(URI server) {
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI server() {
        return server;
    }

    public <T> T post(String path, Object body, Class<T> answer) throws ApiError, ServerUnreachableException {
        return post(path, body, answer, null);
    }

    /** POSTs {@code body} as JSON; {@code accessToken} may be null for calls that need no sign-in. */
    public <T> T post(String path, Object body, Class<T> answer, String accessToken)
            throws ApiError, ServerUnreachableException {
        try {
            HttpRequest.BodyPublisher json = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
            return send(request(path, accessToken).header("Content-Type", "application/json").POST(json),
                    mapper.constructType(answer));
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        }
    }

    /** PUTs {@code body} as JSON. */
    public <T> T put(String path, Object body, Class<T> answer, String accessToken)
            throws ApiError, ServerUnreachableException {
        try {
            HttpRequest.BodyPublisher json = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
            return send(request(path, accessToken).header("Content-Type", "application/json").PUT(json),
                    mapper.constructType(answer));
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        }
    }

    /** POSTs with extra request headers (such as {@code Idempotency-Key}). */
    public <T> T post(String path, Object body, Class<T> answer, String accessToken, java.util.Map<String, String> headers)
            throws ApiError, ServerUnreachableException {
        try {
            HttpRequest.BodyPublisher json = HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
            HttpRequest.Builder request = request(path, accessToken).header("Content-Type", "application/json")
                    .POST(json);
            headers.forEach(request::header);
            return send(request, mapper.constructType(answer));
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        }
    }

    /** GETs a JSON document; {@code accessToken} may be null for calls that need no sign-in. */
    public <T> T get(String path, Class<T> answer, String accessToken) throws ApiError, ServerUnreachableException {
        return send(request(path, accessToken).GET(), mapper.constructType(answer));
    }

    /** GETs a binary document (a PDF). */
    public byte[] bytes(String path, String accessToken) throws ApiError, ServerUnreachableException {
        try {
            HttpResponse<byte[]> r = http.send(request(path, accessToken).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 == 2) {
                return r.body();
            }
            throw new ApiError(problem(r), null);
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, e);
        }
    }

    /**
     * Sends raw bytes with extra headers (a tus {@code PATCH}); returns the answer's headers. A problem answer is an
     * {@link ApiError}, a broken connection a {@link ServerUnreachableException}.
     */
    public java.net.http.HttpHeaders send(String method, String path, byte[] body, java.util.Map<String, String> headers,
                                          String accessToken) throws ApiError, ServerUnreachableException {
        HttpRequest.Builder b = request(path, accessToken).timeout(Duration.ofMinutes(2)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 == 2) {
                return r.headers();
            }
            throw new ApiError(problem(r), retryAfter(r.headers().firstValue("Retry-After").orElse(null),
                    Instant.now()));
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, e);
        }
    }

    /** GETs a JSON array; {@code accessToken} may be null for calls that need no sign-in. */
    public <T> List<T> getList(String path, Class<T> element, String accessToken)
            throws ApiError, ServerUnreachableException {
        return send(request(path, accessToken).GET(),
                mapper.getTypeFactory().constructCollectionType(List.class, element));
    }

    private HttpRequest.Builder request(String path, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private <T> T send(HttpRequest.Builder request, JavaType answer) throws ApiError, ServerUnreachableException {
        try {
            return read(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()), answer);
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, e);
        }
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType answer) throws ApiError, IOException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            boolean none = answer.getRawClass() == Void.class || response.body().length == 0;
            return none ? null : mapper.readValue(response.body(), answer);
        }
        Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        throw new ApiError(problem(response), wait);
    }

    private ApiProblem problem(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            try {
                return mapper.readValue(response.body(), ApiProblem.class);
            } catch (IOException ignored) {
                // not a problem document after all: describe the status instead
            }
        }
        return new ApiProblem("about:blank", "Error", status, tr("api.status.answered", String.valueOf(status)),
                "http." + status, null, List.of());
    }

    /**
     * Reads a {@code Retry-After} value (RFC 9110: delay in seconds or an HTTP date) as a wait from {@code now};
     * null when absent or unreadable. Dates in the past mean no wait.
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
