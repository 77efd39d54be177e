package io.lectern.server.identity.internal.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.server.identity.IdentitySettings.OidcSettings;
import io.lectern.server.platform.http.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The two HTTP calls to the provider: discovery and the token exchange (client_secret_basic, PKCE verifier). */
public final class OidcHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper;

    public OidcHttp(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode discover(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        HttpResponse<String> res = send(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .GET());
        if (res.statusCode() != 200) {
            throw unavailable();
        }
        return parse(res.body());
    }

    public JsonNode exchange(URI tokenEndpoint, OidcSettings s, OidcCodeExchange req) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", req.code());
        form.put("redirect_uri", req.redirectUri());
        form.put("code_verifier", req.codeVerifier());
        form.put("client_id", s.clientId());
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((enc(s.clientId()) + ":" + enc(s.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> res = send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (res.statusCode() == 400 || res.statusCode() == 401) {
            throw OidcLogin.failed("The provider refused the sign-in code (it may have expired or been used). "
                    + "Start the sign-in again.");
        }
        if (res.statusCode() != 200) {
            throw unavailable();
        }
        return parse(res.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw unavailable();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ApiException unavailable() {
        return new ApiException(502, "auth.oidc_unavailable", "The sign-in provider cannot be reached right now. "
                + "Try again later or sign in with your email.");
    }
}
