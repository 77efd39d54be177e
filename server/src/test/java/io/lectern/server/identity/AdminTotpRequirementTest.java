package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.TotpCodes;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admins need a second factor by default: until they signed in with an authenticator code, an admin's token manages
 * only their own account (to enrol one) — no admin route, and no admin powers on instructors' routes either.
 */
class AdminTotpRequirementTest {

    private static LecternServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        LecternConfig c = TestServer.relaxedConfig();
        LecternConfig defaults = io.lectern.server.platform.config.ConfigLoader.load(java.util.Map.of(),
                LecternServer.SETTINGS);
        boolean required = defaults.module(IdentitySettings.READER).requireAdminTotp();
        assertEquals(true, required, "required unless a setting relaxes it");
        server = TestServer.start(c.withModule(c.module(IdentitySettings.READER).withRequireAdminTotp(required)),
                routes -> { });
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminMustEnrolAndSignInWithTotp() {
        Accounts accounts = Accounts.of(http);
        String token = accounts.login("admin@lectern.local", "admin-password-for-tests").path("accessToken").asText();
        Http.Response blocked = http.get("/api/v1/admin/users", token);
        assertEquals(403, blocked.status());
        assertEquals("auth.totp_enrollment_required", blocked.json().path("code").asText());
        Http.Response studio = http.post("/api/v1/courses", Http.json("title", "Anything", "category", "x"), token);
        assertEquals(403, studio.status(), "no admin powers on instructors' routes either");
        assertEquals("auth.totp_enrollment_required", studio.json().path("code").asText());
        assertEquals(200, http.get("/api/v1/me", token).status(), "but the account itself, to enrol");
        TotpCodes app = new TotpCodes(http.post("/api/v1/me/totp", "{}", token).json().path("otpauthUri").asText());
        assertEquals(200, http.post("/api/v1/me/totp/confirm", Http.json("code", app.at(Instant.now())), token).status());
        String mfa = http.post("/api/v1/auth/login", Http.json("email", "admin@lectern.local",
                "password", "admin-password-for-tests", "totp", app.at(Instant.now().plusSeconds(30))))
                .json().path("accessToken").asText();
        assertEquals(200, http.get("/api/v1/admin/users", mfa).status());
    }
}
