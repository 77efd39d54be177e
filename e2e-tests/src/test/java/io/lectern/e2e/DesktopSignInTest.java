package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.signin.SignInViewModel;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.identity.IdentitySettings;
import io.lectern.server.identity.NewAccount;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.OidcStandIn;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.TotpCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The desktop sign-in screen's view model against a real Lectern server: password, email code, and "Sign in
 * with Google" through the loopback PKCE flow (the test plays the browser; the provider is a local OIDC
 * stand-in signing real tokens).
 */
class DesktopSignInTest {

    private static OidcStandIn provider;
    private static LecternServer server;
    private static Accounts accounts;

    @BeforeAll
    static void start() throws Exception {
        provider = new OidcStandIn("lectern-desktop", "desktop-secret");
        LecternConfig c = TestServer.relaxedConfig();
        c = c.withModule(c.module(IdentitySettings.READER).withOidc(new IdentitySettings.OidcSettings("google",
                "Google", provider.issuer(), "lectern-desktop", "desktop-secret")));
        server = TestServer.start(c, routes -> { });
        accounts = Accounts.of(new Http(server.baseUri()));
        server.modules().identity().createAccount(new NewAccount("desk@example.com", "Desk User", Role.STUDENT,
                "desk passphrase 1"));
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    private static SignInViewModel model(io.lectern.desktop.core.auth.BrowserOpener browser) {
        AuthClient auth = new AuthClient(new ApiClient(server.baseUri()));
        return new SignInViewModel(auth, browser, Runnable::run, Runnable::run);
    }

    @Test
    void signsInWithPassword() {
        SignInViewModel vm = model(uri -> { });
        vm.email().set("desk@example.com");
        vm.password().set("desk passphrase 1");
        vm.submit();
        AuthTokens session = vm.session().get();
        assertNotNull(session, vm.error().get());
        assertEquals("Desk User", session.user().displayName());
    }

    @Test
    void wrongPasswordShowsTheServersSentence() {
        SignInViewModel vm = model(uri -> { });
        vm.email().set("desk@example.com");
        vm.password().set("not the password");
        vm.submit();
        assertEquals(null, vm.session().get());
        assertTrue(!vm.error().get().isBlank());
    }

    @Test
    void signsInWithAnEmailCode() {
        SignInViewModel vm = model(uri -> { });
        vm.mode().set(SignInViewModel.Mode.EMAIL_CODE);
        vm.email().set("desk@example.com");
        vm.submit();
        assertTrue(vm.codeSent().get(), vm.error().get());
        vm.code().set(accounts.latestCode("desk@example.com", "sign-in code"));
        vm.submit();
        assertNotNull(vm.session().get(), vm.error().get());
    }

    @Test
    void staffWithAnAuthenticatorGetTheSecondStep() {
        server.modules().identity().createAccount(new NewAccount("staff2fa@example.com", "Staff", Role.INSTRUCTOR,
                "staff passphrase 1"));
        Http http = new Http(server.baseUri());
        String token = accounts.login("staff2fa@example.com", "staff passphrase 1").path("accessToken").asText();
        TotpCodes app = new TotpCodes(http.post("/api/v1/me/totp", "{}", token).json().path("otpauthUri").asText());
        assertEquals(200, http.post("/api/v1/me/totp/confirm", Http.json("code", app.at(Instant.now())), token).status());

        SignInViewModel vm = model(uri -> { });
        vm.email().set("staff2fa@example.com");
        vm.password().set("staff passphrase 1");
        vm.submit();
        assertTrue(vm.twoStep().get(), "the app asks for the authenticator code: " + vm.error().get());
        vm.totp().set(app.at(Instant.now().plusSeconds(30)));
        vm.submit();
        assertNotNull(vm.session().get(), vm.error().get());
        assertEquals(Role.INSTRUCTOR, vm.session().get().user().role());
    }

    @Test
    void signsInWithGoogleThroughTheBrowser() {
        SignInViewModel vm = model(uri -> Thread.ofVirtual().start(() -> actAsBrowser(uri)));
        vm.start();
        assertEquals(1, vm.providers().size(), "the server offers its provider");
        vm.signInWith(vm.providers().get(0));
        AuthTokens session = vm.session().get();
        assertNotNull(session, vm.error().get());
        assertEquals("browser.person@gmail.test", session.user().email());
    }

    /** What the user's browser does: the provider approves and redirects to the app's loopback address. */
    private static void actAsBrowser(URI authorize) {
        Map<String, String> query = OidcStandIn.parse(authorize.getRawQuery());
        String code = provider.approve(query, new OidcStandIn.Person("sub-browser", "browser.person@gmail.test", true,
                "Browser Person"));
        URI redirect = URI.create(query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(redirect).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
