package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.TotpCodes;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin creates an instructor by invitation; the instructor sets a password, enrols TOTP and must then use it. */
class StaffAccountsTest {

    private static LecternServer server;
    private static Http http;
    private static Accounts accounts;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        accounts = Accounts.of(http);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String invitedInstructor(String email) {
        Http.Response created = http.post("/api/v1/admin/users", Http.json("email", email, "displayName", "Grace",
                "role", "INSTRUCTOR"), accounts.adminToken());
        assertEquals(201, created.status(), created.raw().body());
        assertEquals("INSTRUCTOR", created.json().path("role").asText());
        String code = accounts.latestCode(email, "invited");
        assertEquals(204, http.post("/api/v1/auth/password/reset", Http.json("email", email, "code", code,
                "newPassword", "instructor passphrase")).status());
        return created.json().path("id").asText();
    }

    @Test
    void invitedInstructorEnrolsTotpAndMustUseIt() {
        String email = "grace.instructor@example.com";
        invitedInstructor(email);
        JsonNode session = accounts.login(email, "instructor passphrase");
        String token = session.path("accessToken").asText();
        JsonNode enrol = http.post("/api/v1/me/totp", "{}", token).json();
        assertTrue(enrol.path("otpauthUri").asText().startsWith("otpauth://totp/Lectern%3A"), enrol.toString());
        TotpCodes app = new TotpCodes(enrol.path("otpauthUri").asText());
        assertEquals(400, http.post("/api/v1/me/totp/confirm", Http.json("code", "000000"), token).status());
        String now = app.at(Instant.now());
        JsonNode recovery = http.post("/api/v1/me/totp/confirm", Http.json("code", now), token).json();
        assertEquals(10, recovery.path("codes").size(), recovery.toString());

        Http.Response noCode = http.post("/api/v1/auth/login", Http.json("email", email, "password", "instructor passphrase"));
        assertEquals("auth.totp_required", noCode.json().path("code").asText());
        Http.Response replay = http.post("/api/v1/auth/login", Http.json("email", email, "password", "instructor passphrase",
                "totp", now));
        assertEquals("auth.totp_invalid", replay.json().path("code").asText(), "a used code cannot be replayed");
        String next = app.at(Instant.now().plusSeconds(30));
        Http.Response ok = http.post("/api/v1/auth/login", Http.json("email", email, "password", "instructor passphrase",
                "totp", next));
        assertEquals(200, ok.status(), ok.raw().body());
        String rc = recovery.path("codes").get(0).asText();
        assertEquals(200, http.post("/api/v1/auth/login", Http.json("email", email, "password", "instructor passphrase",
                "totp", rc)).status(), "a recovery code works once");
        assertEquals(401, http.post("/api/v1/auth/login", Http.json("email", email, "password", "instructor passphrase",
                "totp", rc)).status());
    }

    @Test
    void studentsCannotEnrolTotpOrReachAdminRoutes() {
        String token = accounts.registerVerified("learner@example.com", "bright lantern 9", "Lee")
                .path("accessToken").asText();
        assertEquals(403, http.post("/api/v1/me/totp", "{}", token).status());
        assertEquals(403, http.get("/api/v1/admin/users", token).status());
        assertEquals(403, http.post("/api/v1/admin/users", Http.json("email", "x@example.com", "displayName", "X",
                "role", "ADMIN"), token).status());
    }

    @Test
    void deactivationStopsTokensAtOnceAndRoleChangesAreAudited() {
        String id = invitedInstructor("ops.instructor@example.com");
        JsonNode session = accounts.login("ops.instructor@example.com", "instructor passphrase");
        String token = session.path("accessToken").asText();
        assertEquals(200, http.get("/api/v1/me", token).status());
        Http.Response off = http.call("PATCH", "/api/v1/admin/users/" + id, Http.json("active", false), accounts.adminToken());
        assertEquals(200, off.status(), off.raw().body());
        assertEquals(401, http.get("/api/v1/me", token).status(), "tokens stop working at once");
        assertEquals("auth.refresh_invalid", http.post("/api/v1/auth/refresh",
                Http.json("refreshToken", session.path("refreshToken").asText())).json().path("code").asText());
        assertEquals("auth.account_disabled", http.post("/api/v1/auth/login", Http.json("email", "ops.instructor@example.com",
                "password", "instructor passphrase")).json().path("code").asText());
        http.call("PATCH", "/api/v1/admin/users/" + id, Http.json("active", true, "role", "ADMIN"), accounts.adminToken());
        JsonNode back = accounts.login("ops.instructor@example.com", "instructor passphrase");
        assertEquals("ADMIN", back.path("user").path("role").asText());

        JsonNode audit = http.get("/api/v1/admin/audit?target=" + id + "&action=admin.", accounts.adminToken()).json();
        java.util.List<String> actions = new java.util.ArrayList<>();
        audit.path("items").forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.containsAll(java.util.List.of("admin.user.created", "admin.user.deactivated",
                "admin.user.reactivated", "admin.user.role_changed")), actions.toString());
        JsonNode page = http.get("/api/v1/admin/audit?limit=2", accounts.adminToken()).json();
        assertEquals(2, page.path("items").size());
        JsonNode page2 = http.get("/api/v1/admin/audit?limit=2&cursor=" + page.path("nextCursor").asText(),
                accounts.adminToken()).json();
        assertTrue(page2.path("items").size() > 0);
        assertEquals(400, http.get("/api/v1/admin/audit?since=yesterday", accounts.adminToken()).status());
        JsonNode list = http.get("/api/v1/admin/users?role=admin&q=ops", accounts.adminToken()).json();
        assertEquals(1, list.path("items").size(), list.toString());
        assertEquals(409, http.call("PATCH", "/api/v1/admin/users/" + accounts.login("admin@lectern.local",
                "admin-password-for-tests").path("user").path("id").asText(), Http.json("active", false),
                accounts.adminToken()).status(), "admins cannot lock themselves out");
    }
}
