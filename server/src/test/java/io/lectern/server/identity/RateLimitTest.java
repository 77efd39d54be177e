package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Production rate limits (factor 1): lockout after failures, code cooldown — the same for unknown emails. */
class RateLimitTest {

    private static LecternServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        http = new Http(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> failLogins(String email, int times) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Http.Response r = http.post("/api/v1/auth/login", Http.json("email", email, "password", "wrong password " + i));
            answers.add(r.status() + " " + r.json().path("code").asText());
        }
        return answers;
    }

    @Test
    void fiveFailuresLockTheEmailKnownOrNot() {
        Accounts.of(http).createVerifiedDirectly(server, "locked@example.com", "the right password");
        List<String> known = failLogins("locked@example.com", 6);
        List<String> unknown = failLogins("ghost@example.com", 6);
        assertEquals(known, unknown, "known and unknown emails answer alike");
        assertEquals("401 auth.invalid_credentials", known.get(4));
        assertEquals("429 auth.locked", known.get(5));
        Http.Response locked = http.post("/api/v1/auth/login", Http.json("email", "locked@example.com",
                "password", "the right password"));
        assertEquals(429, locked.status(), "even the right password waits out the lock");
        long retry = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After " + retry);
        String admin = Accounts.of(http).adminToken();
        assertTrue(http.get("/api/v1/admin/audit?action=auth.locked", admin).json().path("items").size() >= 1);
    }

    @Test
    void codesHaveAResendCooldown() {
        Accounts.of(http).createVerifiedDirectly(server, "cool@example.com", "the right password");
        for (String email : List.of("cool@example.com", "nobody-cool@example.com")) {
            assertEquals(202, http.post("/api/v1/auth/otp/request", Http.json("email", email)).status());
            Http.Response again = http.post("/api/v1/auth/otp/request", Http.json("email", email));
            assertEquals(429, again.status(), email);
            assertEquals("auth.code_cooldown", again.json().path("code").asText());
            assertTrue(Integer.parseInt(again.header("Retry-After")) <= 60);
        }
    }
}
