package io.lectern.server.identity.internal.oidc;

import io.lectern.server.audit.AuditService;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.identity.internal.accounts.UserStore;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.Ids;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.model.identity.OidcProvider;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.IdentitySettings.OidcSettings;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Sign in with Google" (or any OpenID Connect provider): the desktop runs the authorization-code flow with PKCE
 * and a loopback redirect, then hands the code here; the server exchanges it with its client secret, verifies
 * the ID token against the provider's published keys (signature, issuer, audience, expiry, nonce) and signs in
 * the account with that verified email, linking or creating it.
 */
public final class OidcLogin {

    private static final Logger LOG = Logger.getLogger(OidcLogin.class.getName());
    private static final java.util.regex.Pattern LOOPBACK =
            java.util.regex.Pattern.compile("http://(127\\.0\\.0\\.1|localhost|\\[::1]):\\d{1,5}/.{0,200}");

    private final OidcSettings settings;
    private final OidcHttp http;
    private final OidcAccounts accounts;
    private volatile Discovery discovery;

    /**
     * The provider's endpoints.
     *
     * @param authorization authorization endpoint
     * @param token         token endpoint
     * @param processor     ID token verifier bound to the provider's JWKS
     */
    private record Discovery(String authorization, URI token, DefaultJWTProcessor<SecurityContext> processor) {
    }

    public OidcLogin(Database db, Clock clock, Ids ids, EventBus events, Json json, UserStore users,
                     SessionStore sessions, AccessTokens tokens, AuditService audit, OidcSettings settings) {
        this.settings = settings;
        this.http = new OidcHttp(json.objectMapper());
        this.accounts = new OidcAccounts(db, clock, ids, events, users, sessions, tokens, audit);
    }

    public List<OidcProvider> providers() {
        return List.of(new OidcProvider(settings.id(), settings.name(), discovery().authorization(), settings.clientId(),
                "openid email profile"));
    }

    public AuthTokens exchange(String providerId, OidcCodeExchange req, Origin origin) {
        if (!settings.id().equals(providerId)) {
            throw ApiException.notFound("This sign-in provider");
        }
        new Validation().required("code", req.code()).maxLength("code", req.code(), 2048)
                .required("codeVerifier", req.codeVerifier())
                .check(req.codeVerifier() == null || req.codeVerifier().matches("[A-Za-z0-9._~-]{43,128}"),
                        "codeVerifier", "format", "codeVerifier must be 43 to 128 unreserved characters (RFC 7636).")
                .required("redirectUri", req.redirectUri())
                .check(req.redirectUri() == null || LOOPBACK.matcher(req.redirectUri()).matches(), "redirectUri",
                        "loopback", "redirectUri must be a loopback address (http://127.0.0.1:port/...).")
                .required("nonce", req.nonce()).maxLength("nonce", req.nonce(), 200).throwIfInvalid();
        Discovery disc = discovery();
        JsonNode answer = http.exchange(disc.token(), settings, req);
        JWTClaimsSet claims = verify(disc, answer.path("id_token").asText(""), req.nonce());
        return accounts.signIn(settings.id(), claims, origin);
    }

    private JWTClaimsSet verify(Discovery disc, String idToken, String nonce) {
        try {
            JWTClaimsSet claims = disc.processor().process(idToken, null);
            if (!nonce.equals(claims.getStringClaim("nonce"))) {
                throw failed("The sign-in answer does not belong to this attempt (nonce mismatch). Try again.");
            }
            return claims;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.INFO, "ID token rejected: " + e.getMessage());
            throw failed("The provider's ID token could not be verified. Try again.");
        }
    }

    private Discovery discovery() {
        Discovery current = discovery;
        if (current != null) {
            return current;
        }
        JsonNode doc = http.discover(settings.issuer());
        if (!settings.issuer().equals(doc.path("issuer").asText())) {
            throw new ApiException(502, "auth.oidc_unavailable", "The sign-in provider's configuration does not match "
                    + "its issuer; an administrator must check the OIDC settings.");
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(doc.path("jwks_uri").asText()).toURL()).build();
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                    keys));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(settings.clientId(),
                    new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "iat", "exp", "email")));
            current = new Discovery(doc.path("authorization_endpoint").asText(),
                    URI.create(doc.path("token_endpoint").asText()), processor);
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new ApiException(502, "auth.oidc_unavailable", "The sign-in provider published an invalid "
                    + "configuration.");
        }
        discovery = current;
        return current;
    }

    public static ApiException failed(String detail) {
        return new ApiException(401, "auth.oidc_failed", detail);
    }
}
