package io.lectern.desktop.core.auth;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.model.identity.OidcProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the address of a provider's authorization page for the authorization-code flow with PKCE. */
final class AuthorizationRequest {

    static final String DEFAULT_SCOPES = "openid email profile";

    private AuthorizationRequest() {
    }

    /**
     * The authorization endpoint with {@code response_type=code}, the client id, redirect URI, scopes, state,
     * nonce and S256 code challenge, each value percent-encoded. Refuses endpoints that are not HTTPS (plain HTTP
     * only on this computer), since the browser would send the user's sign-in there.
     */
    static URI url(OidcProvider provider, String redirectUri, String state, String nonce, String challenge)
            throws OidcSignInException {
        String endpoint = provider.authorizationEndpoint() == null ? "" : provider.authorizationEndpoint().strip();
        if (!secure(endpoint)) {
            throw new OidcSignInException(tr("auth.oidc.insecureEndpoint", provider.name()), false);
        }
        String scopes = provider.scopes() == null || provider.scopes().isBlank() ? DEFAULT_SCOPES : provider.scopes();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", provider.clientId());
        params.put("redirect_uri", redirectUri);
        params.put("scope", scopes.strip());
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", Pkce.METHOD);
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    }

    private static boolean secure(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost();
            boolean loopback = host.equals("127.0.0.1") || host.equals("localhost");
            return (scheme.equals("https") && !host.isEmpty()) || (scheme.equals("http") && loopback);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
