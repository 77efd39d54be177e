package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An attacker's guesses do not lock the owner out (production limits, factor 1). Wrong passwords and codes close the
 * attacker's own address for that account; the owner, from any other address, still signs in, gets and uses codes,
 * and resets the password. Guessing stays impossible: one address cannot spray many accounts, and many addresses
 * cannot share out guesses at one account — that cap is waived only for addresses the owner signed in from before.
 * The server sits behind a trusted proxy here, which names the client in {@code X-Forwarded-For}.
 */
class LockoutTest {

    private static final String OWNER_HOME = "203.0.113.10";
    private static final String ATTACKER = "198.51.100.7";
    private static LecternServer server;
    private static Http http;
    private static Accounts accounts;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config().withTrustForwardedFor(true), routes -> { });
        http = new Http(server.baseUri());
        accounts = Accounts.of(http);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void wrongPasswordsFromAnAttackerCloseOnlyTheAttackersAddress() {
        accounts.createVerifiedDirectly(server, "owner.pw@example.com", "the owner's passphrase");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(ATTACKER, "owner.pw@example.com", "guess " + i).status());
        }
        Http.Response locked = login(ATTACKER, "owner.pw@example.com", "the owner's passphrase");
        assertEquals(429, locked.status(), "the attacker's address is closed, even with the right password");
        assertEquals("auth.locked", locked.json().path("code").asText());
        assertEquals(200, login("192.0.2.44", "owner.pw@example.com", "the owner's passphrase").status(),
                "the owner on another address gets in");
        assertEquals(401, login("192.0.2.45", "owner.pw@example.com", "guess 6").status(),
                "and a wrong guess from elsewhere is an ordinary wrong guess, not a lock");
    }

    @Test
    void manyAddressesCannotShareOutGuessesButTheOwnersKnownAddressGetsIn() {
        accounts.createVerifiedDirectly(server, "owner.dist@example.com", "the owner's passphrase");
        assertEquals(200, login(OWNER_HOME, "owner.dist@example.com", "the owner's passphrase").status());
        for (int i = 0; i < 50; i++) {
            assertEquals(401, login("198.18.0." + (i + 1), "owner.dist@example.com", "guess " + i).status());
        }
        Http.Response fresh = login("198.18.1.1", "owner.dist@example.com", "the owner's passphrase");
        assertEquals(429, fresh.status(), "the account-wide cap stops guesses from yet another address");
        assertEquals(200, login(OWNER_HOME, "owner.dist@example.com", "the owner's passphrase").status(),
                "the address the owner signed in from before is not closed");
    }

    @Test
    void oneAddressCannotSprayManyAccounts() {
        for (int i = 0; i < 30; i++) {
            assertEquals(401, login("198.51.100.99", "sprayed" + i + "@example.com", "Summer2026!").status());
        }
        Http.Response next = login("198.51.100.99", "sprayed-next@example.com", "Summer2026!");
        assertEquals(429, next.status());
        assertEquals("auth.rate_limited", next.json().path("code").asText());
    }

    @Test
    void anAttackerAskingForAndGuessingCodesDoesNotKeepTheOwnerFromCodes() {
        accounts.createVerifiedDirectly(server, "owner.code@example.com", "the owner's passphrase");
        assertEquals(202, send(ATTACKER, "/api/v1/auth/otp/request", Http.json("email", "owner.code@example.com"))
                .status());
        assertEquals(429, send(ATTACKER, "/api/v1/auth/otp/request", Http.json("email", "owner.code@example.com"))
                .status(), "the attacker's address waits out the cooldown");
        for (int i = 0; i < 10; i++) {
            send(ATTACKER, "/api/v1/auth/otp/verify", Http.json("email", "owner.code@example.com", "code",
                    String.format("%06d", i)));
        }
        assertEquals(429, send(ATTACKER, "/api/v1/auth/otp/verify", Http.json("email", "owner.code@example.com", "code",
                "123456")).status(), "the attacker's address may guess no more");
        int mails = accounts.mailCount("owner.code@example.com");
        assertEquals(202, send("192.0.2.50", "/api/v1/auth/otp/request", Http.json("email", "owner.code@example.com"))
                .status(), "the owner elsewhere asks for a code at once");
        String code = accounts.codeAfter("owner.code@example.com", "sign-in code", mails);
        Http.Response in = send("192.0.2.50", "/api/v1/auth/otp/verify", Http.json("email", "owner.code@example.com",
                "code", code));
        assertEquals(200, in.status(), in.raw().body());

        for (int i = 0; i < 12; i++) {
            assertEquals(202, send("198.51.100." + (20 + i), "/api/v1/auth/password/forgot", Http.json("email",
                    "owner.code@example.com")).status());
        }
        Accounts.waitFor(() -> resetMails("owner.code@example.com") == 8 ? true : null,
                "the eight reset codes mailed before the account's hourly cap (two went to sign-in codes)");
        assertEquals(202, send("192.0.2.51", "/api/v1/auth/password/forgot", Http.json("email",
                "owner.code@example.com")).status(), "strangers' requests never keep the owner from a reset code");
        String reset = accounts.latestCode("owner.code@example.com", "Reset");
        assertEquals(204, send("192.0.2.51", "/api/v1/auth/password/reset", Http.json("email", "owner.code@example.com",
                "code", reset, "newPassword", "a brand new passphrase")).status());
        assertEquals(200, login("192.0.2.51", "owner.code@example.com", "a brand new passphrase").status());
    }

    @Test
    void codeGuessesFromManyAddressesAreCappedButNotForTheOwnersAddress() {
        accounts.createVerifiedDirectly(server, "owner.guess@example.com", "the owner's passphrase");
        assertEquals(200, login(OWNER_HOME, "owner.guess@example.com", "the owner's passphrase").status());
        for (int i = 0; i < 30; i++) {
            send("198.19.0." + (i + 1), "/api/v1/auth/otp/verify", Http.json("email", "owner.guess@example.com",
                    "code", String.format("%06d", i)));
        }
        assertEquals(429, send("198.19.1.1", "/api/v1/auth/otp/verify", Http.json("email", "owner.guess@example.com",
                "code", "999999")).status(), "thirty wrong codes a day is all an account takes from strangers");
        int mails = accounts.mailCount("owner.guess@example.com");
        assertEquals(202, send(OWNER_HOME, "/api/v1/auth/otp/request", Http.json("email", "owner.guess@example.com"))
                .status());
        String code = accounts.codeAfter("owner.guess@example.com", "sign-in code", mails);
        assertEquals(200, send(OWNER_HOME, "/api/v1/auth/otp/verify", Http.json("email", "owner.guess@example.com",
                "code", code)).status(), "the owner's own address still signs in with the mailed code");
    }

    private static long resetMails(String email) {
        var items = http.get("/api/v1/admin/dev-mailbox?to=" + email, accounts.adminToken()).json().path("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(m -> m.path("subject").asText().contains("Reset")).count();
    }

    private static Http.Response login(String from, String email, String password) {
        return send(from, "/api/v1/auth/login", Http.json("email", email, "password", password));
    }

    private static Http.Response send(String from, String path, String json) {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "10.9.9.9, " + from).POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
