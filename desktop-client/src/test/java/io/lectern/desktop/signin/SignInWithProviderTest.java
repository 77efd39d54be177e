package io.lectern.desktop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.BrowserOpener;
import io.lectern.model.identity.OidcProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Sign in with Google" up to the point where the Lectern server would take over: the browser half runs for
 * real on a background thread; UI updates are queued and run on the test thread, like an event loop.
 */
class SignInWithProviderTest {

    private static final OidcProvider GOOGLE = new OidcProvider("google", "Google",
            "https://accounts.example.com/o/oauth2/v2/auth", "client", "openid email");

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final AuthClient auth = new AuthClient(new ApiClient(URI.create("http://127.0.0.1:1")));

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private SignInViewModel model(BrowserOpener browser) {
        return new SignInViewModel(auth, browser, Duration.ofSeconds(10), background, uiQueue::add);
    }

    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            Runnable next = uiQueue.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("the view model did not settle in time");
            }
            next.run();
        }
    }

    @Test
    void refusingInTheBrowserShowsWhatToDo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        SignInViewModel vm = model(address -> http.sendAsync(HttpRequest.newBuilder(URI.create(param(address, "redirect_uri")
                + "?error=access_denied&state=" + URLEncoder.encode(param(address, "state"), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding()));
        vm.signInWith(GOOGLE);
        assertTrue(vm.waitingForBrowser().get());
        assertTrue(vm.busy().get());
        assertEquals("Finish signing in in your browser…", vm.status().get());
        runUiUntil(() -> !vm.busy().get());
        assertFalse(vm.waitingForBrowser().get());
        assertEquals("Signing in with Google was cancelled or refused. Click \"Sign in with Google\" to try again, or "
                + "sign in with your email.", vm.error().get());
        assertNull(vm.session().get());
    }

    @Test
    void cancelStopsWaitingWithoutAnError() throws Exception {
        LinkedBlockingQueue<URI> opened = new LinkedBlockingQueue<>();
        SignInViewModel vm = model(opened::add);
        vm.signInWith(GOOGLE);
        URI page = opened.poll(10, TimeUnit.SECONDS);
        assertTrue(page != null, "the browser was asked to open the provider's page");
        runUiUntil(() -> !vm.browserAddress().get().isEmpty());
        assertEquals(page.toString(), vm.browserAddress().get(), "offered for copying in case no browser came up");
        vm.cancelBrowserSignIn();
        runUiUntil(() -> !vm.busy().get());
        assertFalse(vm.waitingForBrowser().get());
        assertEquals("", vm.error().get());
        assertEquals("", vm.browserAddress().get());
        assertEquals("Server: http://127.0.0.1:1", vm.status().get());
    }

    private static String param(URI address, String name) {
        for (String pair : address.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " missing from " + address);
    }
}
