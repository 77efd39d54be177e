package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Profile edits, password change, data export and account deletion. */
class ProfileAndDataTest {

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

    @Test
    void profileIsEditedWithValidation() {
        String token = accounts.registerVerified("profile@example.com", "sunny meadow 42", "Pro").path("accessToken").asText();
        JsonNode me = http.get("/api/v1/me", token).json();
        assertEquals("Pro", me.path("displayName").asText());
        assertTrue(me.path("emailVerified").asBoolean());
        Http.Response bad = http.call("PATCH", "/api/v1/me", Http.json("timezone", "Mars/Olympus", "locale", "xx",
                "bio", "b".repeat(2001)), token);
        assertEquals(400, bad.status());
        assertEquals(3, bad.json().path("errors").size(), bad.raw().body());
        Http.Response ok = http.call("PATCH", "/api/v1/me", Http.json("displayName", "Professor", "timezone",
                "Europe/Berlin", "locale", "de", "bio", "Teaches things"), token);
        assertEquals(200, ok.status(), ok.raw().body());
        assertEquals("Europe/Berlin", http.get("/api/v1/me", token).json().path("timezone").asText());
        http.post("/api/v1/auth/otp/request", Http.json("email", "profile@example.com"));
        // mails follow the chosen locale: the German subject arrives
        assertEquals(6, accounts.latestCode("profile@example.com", "Anmeldecode").length());
    }

    @Test
    void passwordChangeEndsOtherSessionsOnly() {
        String email = "changer@example.com";
        JsonNode here = accounts.registerVerified(email, "first passphrase", "Ch");
        JsonNode elsewhere = accounts.login(email, "first passphrase");
        String token = here.path("accessToken").asText();
        Http.Response wrong = http.post("/api/v1/me/password", Http.json("currentPassword", "nope nope nope",
                "newPassword", "second passphrase"), token);
        assertEquals(403, wrong.status());
        assertEquals(204, http.post("/api/v1/me/password", Http.json("currentPassword", "first passphrase",
                "newPassword", "second passphrase"), token).status());
        assertEquals(200, http.get("/api/v1/me", token).status(), "this session stays");
        assertEquals(401, http.get("/api/v1/me", elsewhere.path("accessToken").asText()).status(), "others end");
        accounts.login(email, "second passphrase");
    }

    @Test
    void exportHoldsEverythingAndDeletionErasesThePerson() {
        String email = "leaving@example.com";
        JsonNode tokens = accounts.registerVerified(email, "quiet harbour 17", "Lea");
        String token = tokens.path("accessToken").asText();
        JsonNode export = http.get("/api/v1/me/export", token).json();
        assertEquals(email, export.path("identity").path("profile").path("email").asText());
        assertTrue(export.path("identity").path("sessions").size() >= 1);
        assertTrue(export.path("audit").toString().contains("account.registered"));
        assertFalse(export.toString().contains("password_hash") || export.toString().contains("$argon2id"));

        assertEquals(400, http.call("DELETE", "/api/v1/me", "{}", token).status(), "needs the password");
        assertEquals(403, http.call("DELETE", "/api/v1/me", Http.json("password", "wrong wrong wrong"), token).status());
        assertEquals(204, http.call("DELETE", "/api/v1/me", Http.json("password", "quiet harbour 17"), token).status());
        assertEquals(401, http.get("/api/v1/me", token).status());
        assertEquals(401, http.post("/api/v1/auth/login", Http.json("email", email, "password", "quiet harbour 17")).status());
        String row = server.platform().db().execute().get("SELECT email, display_name FROM identity.users WHERE id = ?::uuid",
                tokens.path("user").path("id").asText()).map(r -> r.column("email").get(Object.class) + "|"
                + r.column("display_name").get(Object.class)).orElseThrow();
        assertFalse(row.contains("leaving") || row.contains("Lea|"), row);
        JsonNode again = accounts.registerVerified(email, "a new beginning 1", "Lea Again");
        assertFalse(again.path("user").path("id").asText().equals(tokens.path("user").path("id").asText()));
    }
}
