package io.lectern.server.commerce.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lectern.server.commerce.internal.gateway.PaymentGateway.GatewayException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls to a payment provider's API: one POST with a 20-second limit, its answer read as JSON, and every failure
 * (unreachable, interrupted, an answer other than 2xx) told the same way for every provider.
 */
final class ProviderApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String provider;
    private final HttpClient http;
    private final ObjectMapper mapper;

    ProviderApi(String provider, HttpClient http, ObjectMapper mapper) {
        this.provider = provider;
        this.http = http;
        this.mapper = mapper;
    }

    /**
     * POSTs {@code body} as JSON.
     *
     * @param what    what the call asks for, for the failure message ("order")
     * @param headers header names and values, alternating
     */
    JsonNode postJson(String url, Object body, String what, String... headers) throws GatewayException {
        try {
            return post(url, "application/json", mapper.writeValueAsString(body), what, headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GatewayException(provider + ": the " + what + " could not be written", e);
        }
    }

    /** POSTs {@code form} URL-encoded, as {@link #postJson} does JSON. */
    JsonNode postForm(String url, Map<String, String> form, String what, String... headers) throws GatewayException {
        String body = form.entrySet().stream().map(e -> encoded(e.getKey()) + "=" + encoded(e.getValue()))
                .collect(Collectors.joining("&"));
        return post(url, "application/x-www-form-urlencoded", body, what, headers);
    }

    private JsonNode post(String url, String contentType, String body, String what, String... headers)
            throws GatewayException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new GatewayException(provider + " answered " + r.statusCode() + " to the " + what, null);
            }
            return mapper.readTree(r.body());
        } catch (IOException e) {
            throw new GatewayException(provider + " could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted", e);
        }
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
