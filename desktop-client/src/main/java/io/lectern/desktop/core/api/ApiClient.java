package io.lectern.desktop.core.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.util.List;

/**
 * Talks JSON to the Lectern server. Every failure becomes either an {@link ApiError} carrying the server's
 * problem document or a {@link ServerUnreachableException}; callers never see raw HTTP.
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
        try {
            HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))).build();
            return read(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), answer);
        } catch (IOException e) {
            throw new ServerUnreachableException(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(server, e);
        }
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> answer) throws ApiError, IOException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return answer == Void.class || response.body().length == 0 ? null : mapper.readValue(response.body(), answer);
        }
        boolean problem = response.headers().firstValue("Content-Type").orElse("").contains("json");
        ApiProblem p = problem ? mapper.readValue(response.body(), ApiProblem.class)
                : new ApiProblem("about:blank", "Error", status, "The server answered " + status + ".",
                        "http." + status, null, List.of());
        throw new ApiError(p);
    }
}
