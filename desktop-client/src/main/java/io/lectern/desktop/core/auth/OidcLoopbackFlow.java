package io.lectern.desktop.core.auth;

import static io.lectern.desktop.core.i18n.Messages.tr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lectern.desktop.core.i18n.Messages;
import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.model.identity.OidcProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The browser half of "Sign in with Google": an OAuth 2.0 authorization-code flow with PKCE (RFC 7636, S256)
 * and a loopback redirect (RFC 8252). Each {@link Attempt} listens on {@code 127.0.0.1} on a free port, opens
 * the provider's authorization page in the browser, waits for the redirect to {@code /callback}, checks
 * {@code state}, answers the browser with a short page and stops listening. The code it returns is redeemed
 * by the Lectern server, not here.
 */
public final class OidcLoopbackFlow {

    /** How long an attempt waits for the browser before giving up. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    static final String CALLBACK_PATH = "/callback";

    private final BrowserOpener browser;
    private final Duration timeout;
    private final SecureRandom random;

    public OidcLoopbackFlow(BrowserOpener browser) {
        this(browser, TIMEOUT, new SecureRandom());
    }

    public OidcLoopbackFlow(BrowserOpener browser, Duration timeout, SecureRandom random) {
        this.browser = browser;
        this.timeout = timeout;
        this.random = random;
    }

    /** A new attempt; make it on the thread that may cancel it, then run it in the background. */
    public Attempt attempt() {
        return new Attempt();
    }

    /** One sign-in through the browser: {@link #authorize} blocks until it ends, {@link #cancel} ends it early. */
    public final class Attempt {

        private final CompletableFuture<String> callback = new CompletableFuture<>();

        private Attempt() {
        }

        /**
         * Runs the flow for {@code provider} and returns what the Lectern server needs to finish the sign-in.
         * Blocks until the browser comes back, the attempt is cancelled or the time-out passes.
         */
        public OidcCodeExchange authorize(OidcProvider provider) throws OidcSignInException {
            String state = Pkce.randomToken(random);
            String nonce = Pkce.randomToken(random);
            Pkce pkce = Pkce.generate(random);
            HttpServer server = listen(state, provider.name());
            try {
                String redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH;
                URI page = AuthorizationRequest.url(provider, redirectUri, state, nonce, pkce.challenge());
                if (!callback.isDone()) {
                    open(page, provider.name());
                }
                return new OidcCodeExchange(await(provider.name()), pkce.verifier(), redirectUri, nonce);
            } finally {
                server.stop(0);
            }
        }

        /** Stops waiting for the browser; {@link #authorize} then throws a cancelled {@link OidcSignInException}. */
        public void cancel() {
            callback.completeExceptionally(new OidcSignInException(tr("auth.oidc.cancelled"), true));
        }

        private HttpServer listen(String state, String providerName) throws OidcSignInException {
            try {
                InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
                HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
                server.createContext(CALLBACK_PATH, exchange -> answer(exchange, state, providerName));
                server.start();
                return server;
            } catch (IOException e) {
                throw new OidcSignInException(tr("auth.oidc.cannotListen", String.valueOf(e.getMessage())), false);
            }
        }

        private void open(URI page, String providerName) throws OidcSignInException {
            try {
                browser.open(page);
            } catch (IOException | RuntimeException e) {
                throw new OidcSignInException(tr("auth.oidc.cannotOpenBrowser", providerName), false);
            }
        }

        private String await(String providerName) throws OidcSignInException {
            try {
                return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OidcSignInException failure) {
                    throw failure;
                }
                throw new OidcSignInException(tr("auth.oidc.failed", providerName), false);
            } catch (TimeoutException e) {
                callback.completeExceptionally(e);
                throw new OidcSignInException(timedOut(providerName, timeout), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OidcSignInException(tr("auth.oidc.cancelled"), true);
            }
        }

        /** Handles the redirect: answers the browser first, then hands the outcome to the waiting thread. */
        private void answer(HttpExchange exchange, String state, String providerName) throws IOException {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod()) || !CALLBACK_PATH.equals(exchange.getRequestURI().getPath())) {
                    respond(exchange, 404, tr("auth.oidc.page.notFound"));
                    return;
                }
                if (callback.isDone()) {
                    respond(exchange, 409, tr("auth.oidc.page.notWaiting"));
                    return;
                }
                CallbackQuery query = CallbackQuery.parse(exchange.getRequestURI().getRawQuery());
                OidcSignInException failure = check(query, state, providerName);
                if (failure == null) {
                    respond(exchange, 200, tr("auth.oidc.page.signedIn"));
                    callback.complete(query.single("code"));
                } else {
                    respond(exchange, 400, tr("auth.oidc.page.failed", failure.getMessage()));
                    callback.completeExceptionally(failure);
                }
            }
        }
    }

    /** Null when the redirect carries our {@code state} and a code; otherwise what went wrong. */
    static OidcSignInException check(CallbackQuery query, String state, String providerName) {
        String returned = query.single("state");
        if (returned == null || !MessageDigest.isEqual(returned.getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            return new OidcSignInException(tr("auth.oidc.stateMismatch", providerName), false);
        }
        String error = query.single("error");
        if ("access_denied".equals(error)) {
            return new OidcSignInException(tr("auth.oidc.accessDenied", providerName), false);
        }
        if (error != null) {
            String shown = error.replaceAll("[^A-Za-z0-9_.-]", "");
            shown = shown.substring(0, Math.min(shown.length(), 60));
            return new OidcSignInException(tr("auth.oidc.providerError", providerName, shown), false);
        }
        String code = query.single("code");
        if (code == null || code.isBlank()) {
            return new OidcSignInException(tr("auth.oidc.noCode", providerName), false);
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"" + Messages.locale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>Lectern</title>"
                + "<style>body{font-family:sans-serif;margin:4em auto;max-width:32em;text-align:center}</style>"
                + "</head><body><h1>Lectern</h1><p>" + escape(message) + "</p></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Why the attempt stopped after {@code timeout}: "took longer than 5 minutes" (whole minutes) or seconds. */
    private static String timedOut(String providerName, Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        if (seconds % 60 == 0) {
            return tr("auth.oidc.timedOutMinutes", providerName, seconds / 60);
        }
        return tr("auth.oidc.timedOutSeconds", providerName, seconds);
    }
}
