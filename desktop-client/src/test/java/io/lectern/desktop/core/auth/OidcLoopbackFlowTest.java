package io.lectern.desktop.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.model.identity.OidcProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Drives the loopback flow the way a browser would: follow the authorization URL back to the redirect URI. */
class OidcLoopbackFlowTest {

    private static final OidcProvider GOOGLE = new OidcProvider("google", "Google",
            "https://accounts.example.com/o/oauth2/v2/auth", "lectern-desktop.apps.example.com", "openid email profile");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<URI> opened = new AtomicReference<>();
    private final CompletableFuture<HttpResponse<String>> browserSaw = new CompletableFuture<>();

    /** A browser whose user at once comes back with the query {@code answer} makes from the authorization request. */
    private BrowserOpener browser(Function<Map<String, String>, String> answer) {
        return address -> {
            opened.set(address);
            Map<String, String> request = query(address);
            URI callback = URI.create(request.get("redirect_uri") + "?" + answer.apply(request));
            http.sendAsync(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            browserSaw.completeExceptionally(failure);
                        } else {
                            browserSaw.complete(response);
                        }
                    });
        };
    }

    private static OidcLoopbackFlow flow(BrowserOpener browser) {
        return new OidcLoopbackFlow(browser, Duration.ofSeconds(10), new SecureRandom());
    }

    @Test
    void codeComesBackWithTheVerifierRedirectUriAndNonceOfTheRequest() throws Exception {
        OidcCodeExchange exchange = flow(browser(request -> "code=" + encode("4/0Ab-code") + "&state="
                + encode(request.get("state")) + "&scope=openid")).attempt().authorize(GOOGLE);

        Map<String, String> request = query(opened.get());
        assertTrue(opened.get().toString().startsWith(GOOGLE.authorizationEndpoint() + "?response_type=code&"),
                opened.get().toString());
        assertEquals("lectern-desktop.apps.example.com", request.get("client_id"));
        assertEquals("openid email profile", request.get("scope"));
        assertTrue(opened.get().getRawQuery().contains("scope=openid%20email%20profile"), opened.get().getRawQuery());
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals("4/0Ab-code", exchange.code());
        assertEquals(request.get("code_challenge"), Pkce.challengeOf(exchange.codeVerifier()));
        assertEquals(request.get("nonce"), exchange.nonce());
        assertEquals(request.get("redirect_uri"), exchange.redirectUri());
        assertTrue(exchange.redirectUri().matches("http://127\\.0\\.0\\.1:\\d+/callback"), exchange.redirectUri());
        assertTrue(request.get("state").length() >= 43);

        HttpResponse<String> page = browserSaw.get(5, TimeUnit.SECONDS);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Signed in to Lectern — you can close this window."), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(exchange.redirectUri())).build(),
                HttpResponse.BodyHandlers.ofString()), "the loopback server stopped listening");
    }

    @Test
    void answerForAnotherStateIsRejected() throws Exception {
        OidcSignInException failure = assertThrows(OidcSignInException.class,
                () -> flow(browser(request -> "code=stolen&state=someone-elses-state")).attempt().authorize(GOOGLE));
        assertTrue(failure.getMessage().contains("different sign-in attempt"), failure.getMessage());
        assertFalse(failure.cancelled());
        HttpResponse<String> page = browserSaw.get(5, TimeUnit.SECONDS);
        assertEquals(400, page.statusCode());
        assertFalse(page.body().contains("Signed in"));
    }

    @Test
    void answerWithoutStateIsRejected() {
        OidcSignInException failure = assertThrows(OidcSignInException.class,
                () -> flow(browser(request -> "code=abc")).attempt().authorize(GOOGLE));
        assertTrue(failure.getMessage().contains("different sign-in attempt"), failure.getMessage());
    }

    @Test
    void deniedConsentSaysHowToContinue() throws Exception {
        OidcSignInException failure = assertThrows(OidcSignInException.class, () -> flow(browser(request ->
                "error=access_denied&state=" + encode(request.get("state")))).attempt().authorize(GOOGLE));
        assertEquals("Signing in with Google was cancelled or refused. Click \"Sign in with Google\" to try again, "
                + "or sign in with your email.", failure.getMessage());
        HttpResponse<String> page = browserSaw.get(5, TimeUnit.SECONDS);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("was cancelled or refused"), page.body());
    }

    @Test
    void otherProviderErrorsAreNamedButNotEchoedRaw() throws Exception {
        OidcSignInException failure = assertThrows(OidcSignInException.class, () -> flow(browser(request ->
                "error=" + encode("server_error<b>") + "&state=" + encode(request.get("state")))).attempt().authorize(GOOGLE));
        assertEquals("Google could not sign you in (server_errorb). Try again in a moment, or sign in with your email.",
                failure.getMessage());
        assertFalse(browserSaw.get(5, TimeUnit.SECONDS).body().contains("<b>"));
    }

    @Test
    void givesUpAfterTheTimeOut() {
        OidcLoopbackFlow flow = new OidcLoopbackFlow(opened::set, Duration.ofMillis(300), new SecureRandom());
        OidcSignInException failure = assertThrows(OidcSignInException.class, () -> flow.attempt().authorize(GOOGLE));
        assertEquals("Signing in with Google took longer than 1 second, so Lectern stopped waiting. Click \"Sign in "
                + "with Google\" to try again.", failure.getMessage());
        assertFalse(failure.cancelled());
    }

    @Test
    void cancellingStopsWaitingQuietly() {
        AtomicReference<OidcLoopbackFlow.Attempt> attempt = new AtomicReference<>();
        OidcLoopbackFlow flow = flow(address -> attempt.get().cancel());
        attempt.set(flow.attempt());
        OidcSignInException failure = assertThrows(OidcSignInException.class, () -> attempt.get().authorize(GOOGLE));
        assertTrue(failure.cancelled());
    }

    @Test
    void attemptCancelledBeforeItStartsNeverOpensTheBrowser() {
        OidcLoopbackFlow.Attempt attempt = flow(opened::set).attempt();
        attempt.cancel();
        assertTrue(assertThrows(OidcSignInException.class, () -> attempt.authorize(GOOGLE)).cancelled());
        assertNull(opened.get());
    }

    @Test
    void browserThatCannotOpenIsReported() {
        OidcLoopbackFlow flow = flow(address -> {
            throw new IOException("no browser");
        });
        OidcSignInException failure = assertThrows(OidcSignInException.class, () -> flow.attempt().authorize(GOOGLE));
        assertTrue(failure.getMessage().startsWith("Lectern could not open your web browser"), failure.getMessage());
    }

    @Test
    void endpointWithAQueryKeepsItAndPlainHttpEndpointsAreRefused() throws Exception {
        OidcProvider withQuery = new OidcProvider("corp", "Corp", "https://login.example.com/authorize?prompt=login",
                "client", "");
        flow(browser(request -> "code=c&state=" + encode(request.get("state")))).attempt().authorize(withQuery);
        assertTrue(opened.get().toString().startsWith("https://login.example.com/authorize?prompt=login&response_type="
                + "code&"), opened.get().toString());
        assertEquals("openid email profile", query(opened.get()).get("scope"), "default scopes when none are set");

        opened.set(null);
        OidcProvider plain = new OidcProvider("corp", "Corp", "http://login.example.com/authorize", "client", "openid");
        OidcSignInException failure = assertThrows(OidcSignInException.class,
                () -> flow(opened::set).attempt().authorize(plain));
        assertTrue(failure.getMessage().contains("must use https"), failure.getMessage());
        assertNull(opened.get());
    }

    private static Map<String, String> query(URI address) {
        Map<String, String> values = new HashMap<>();
        for (String pair : address.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
