package io.lectern.server.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local OpenID Connect provider speaking the documented wire format (discovery, authorize redirect, token
 * endpoint with client_secret_basic and PKCE S256, JWKS), signing real RS256 ID tokens. Tests drive the
 * authorize step as the browser would.
 */
public final class OidcStandIn implements AutoCloseable {

    /** Who the next authorization signs in as. */
    public record Person(String subject, String email, boolean emailVerified, String name) {
    }

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, Person person) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public OidcStandIn(String clientId, String clientSecret) throws Exception {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048).keyID("standin-1").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", ex -> send(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the provider does when the user approves: returns the code the browser is redirected with. */
    public String approve(Map<String, String> authorizeQuery, Person person) {
        if (!clientId.equals(authorizeQuery.get("client_id")) || !"S256".equals(authorizeQuery.get("code_challenge_method"))) {
            throw new IllegalArgumentException("bad authorization request " + authorizeQuery);
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(authorizeQuery.get("client_id"), authorizeQuery.get("redirect_uri"),
                authorizeQuery.get("code_challenge"), authorizeQuery.get("nonce"), person));
        return code;
    }

    private void discovery(HttpExchange ex) throws IOException {
        send(ex, 200, "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                + "\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"]}");
    }

    private void token(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = grants.remove(form.getOrDefault("code", ""));
        if (!expected.equals(auth)) {
            send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            send(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(grant.clientId())
                    .subject(grant.person().subject()).claim("email", grant.person().email())
                    .claim("email_verified", grant.person().emailVerified()).claim("name", grant.person().name())
                    .claim("nonce", grant.nonce()).issueTime(new Date())
                    .expirationTime(new Date(System.currentTimeMillis() + 300_000)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            send(ex, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (Exception e) {
            send(ex, 500, "{\"error\":\"server_error\"}");
        }
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> parse(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
