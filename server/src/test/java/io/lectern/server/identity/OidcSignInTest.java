package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.OidcStandIn;
import io.lectern.server.testing.TestServer;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign in with an OpenID Connect provider (a local stand-in signing real RS256 ID tokens), code + PKCE. */
class OidcSignInTest {

    private static OidcStandIn provider;
    private static LecternServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        provider = new OidcStandIn("lectern-desktop", "s3cret-for-tests");
        LecternConfig c = TestServer.relaxedConfig();
        c = c.withModule(c.module(IdentitySettings.READER).withOidc(new IdentitySettings.OidcSettings("google",
                "Google", provider.issuer(), "lectern-desktop", "s3cret-for-tests")));
        server = TestServer.start(c, routes -> { });
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    /** Plays the desktop: PKCE + nonce, the browser's authorize step, then the exchange at the Lectern server. */
    private static Http.Response signIn(OidcStandIn.Person person, boolean wrongVerifier, boolean wrongNonce) {
        JsonNode p = http.get("/api/v1/auth/oidc/providers").json().get(0);
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String nonce = UUID.randomUUID().toString();
        String redirect = "http://127.0.0.1:50123/callback";
        String authorize = p.path("authorizationEndpoint").asText() + "?response_type=code&client_id="
                + p.path("clientId").asText() + "&redirect_uri=" + redirect + "&scope=openid%20email&state=xyz&nonce="
                + nonce + "&code_challenge=" + OidcStandIn.s256(verifier) + "&code_challenge_method=S256";
        String code = provider.approve(OidcStandIn.parse(URI.create(authorize).getRawQuery()), person);
        return http.post("/api/v1/auth/oidc/google/token", Http.json("code", code,
                "codeVerifier", wrongVerifier ? verifier + "x" : verifier, "redirectUri", redirect,
                "nonce", wrongNonce ? "other" : nonce));
    }

    @Test
    void providerIsListedForTheDesktop() {
        JsonNode list = http.get("/api/v1/auth/oidc/providers").json();
        assertEquals(1, list.size());
        assertEquals("Google", list.get(0).path("name").asText());
        assertEquals(provider.issuer() + "/authorize", list.get(0).path("authorizationEndpoint").asText());
        assertTrue(!list.toString().contains("s3cret"), "the client secret stays on the server");
    }

    @Test
    void newPersonGetsALearnerAccountAndReturningPersonTheSameOne() {
        var person = new OidcStandIn.Person("google-sub-1", "new.person@gmail.test", true, "New Person");
        Http.Response first = signIn(person, false, false);
        assertEquals(200, first.status(), first.raw().body());
        assertEquals("STUDENT", first.json().path("user").path("role").asText());
        assertEquals(200, http.get("/api/v1/me", first.json().path("accessToken").asText()).status());
        Http.Response second = signIn(person, false, false);
        assertEquals(first.json().path("user").path("id"), second.json().path("user").path("id"));
    }

    @Test
    void existingAccountIsLinkedByVerifiedEmail() {
        Accounts accounts = Accounts.of(http);
        accounts.createVerifiedDirectly(server, "linked@example.com", "linked password 1");
        String id = accounts.login("linked@example.com", "linked password 1").path("user").path("id").asText();
        Http.Response r = signIn(new OidcStandIn.Person("google-sub-2", "linked@example.com", true, "L"), false, false);
        assertEquals(id, r.json().path("user").path("id").asText());
    }

    @Test
    void failuresAreRefused() {
        var person = new OidcStandIn.Person("google-sub-3", "x@example.com", true, "X");
        assertEquals("auth.oidc_failed", signIn(person, true, false).json().path("code").asText(), "PKCE verifier");
        assertEquals("auth.oidc_failed", signIn(person, false, true).json().path("code").asText(), "nonce");
        var unverified = new OidcStandIn.Person("google-sub-4", "unverified@example.com", false, "U");
        assertEquals("auth.oidc_failed", signIn(unverified, false, false).json().path("code").asText());
        Http.Response bad = http.post("/api/v1/auth/oidc/google/token", Http.json("code", "c", "codeVerifier", "short",
                "redirectUri", "https://evil.example/cb", "nonce", "n"));
        assertEquals(400, bad.status());
        assertEquals(404, http.post("/api/v1/auth/oidc/other/token", Http.json("code", "c")).status());
    }
}
