package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad sign-in input answers the right 4xx with a problem code and leaves nothing behind. */
class BadInputTest {

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

    private static long users(String email) {
        return server.platform().db().execute().get("SELECT count(*) AS n FROM identity.users WHERE lower(email) = lower(?)",
                email).map(r -> ((Number) r.column("n").get(Object.class)).longValue()).orElse(0L);
    }

    private static String rule(Http.Response r, String field) {
        for (JsonNode e : r.json().path("errors")) {
            if (e.path("field").asText().equals(field)) {
                return e.path("rule").asText();
            }
        }
        return "none";
    }

    @Test
    void registrationNamesEveryBrokenRuleAndCreatesNothing() {
        Http.Response r = http.post("/api/v1/auth/register", Http.json("email", "not-an-email", "password", "short",
                "displayName", "x".repeat(81)));
        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals("format", rule(r, "email"));
        assertEquals("min_length", rule(r, "password"));
        assertEquals("max_length", rule(r, "displayName"));
        Http.Response common = http.post("/api/v1/auth/register", Http.json("email", "c@example.com",
                "password", "QwertyUiop", "displayName", "C"));
        assertEquals("common", rule(common, "password"), common.raw().body());
        Http.Response huge = http.post("/api/v1/auth/register", Http.json("email", "h@example.com",
                "password", "p".repeat(5000), "displayName", "H"));
        assertEquals("max_length", rule(huge, "password"));
        Http.Response unknownField = http.post("/api/v1/auth/register", "{\"email\":\"u@example.com\",\"role\":\"ADMIN\"}");
        assertEquals(400, unknownField.status(), "no mass assignment of role");
        assertEquals(0, users("c@example.com") + users("h@example.com") + users("u@example.com") + users("not-an-email"));
    }

    @Test
    void unknownEmailAndWrongPasswordLookTheSame() {
        accounts.createVerifiedDirectly(server, "known@example.com", "known password 12");
        Http.Response unknown = http.post("/api/v1/auth/login",
                Http.json("email", "nobody@example.com", "password", "whatever pw 1"));
        Http.Response wrong = http.post("/api/v1/auth/login",
                Http.json("email", "known@example.com", "password", "whatever pw 1"));
        assertEquals(401, unknown.status());
        assertEquals(unknown.status(), wrong.status());
        assertEquals(unknown.json().path("code"), wrong.json().path("code"));
        assertEquals(unknown.json().path("detail"), wrong.json().path("detail"));
        Http.Response otpUnknown = http.post("/api/v1/auth/otp/request", Http.json("email", "nobody2@example.com"));
        Http.Response otpKnown = http.post("/api/v1/auth/otp/request", Http.json("email", "known@example.com"));
        assertEquals(otpUnknown.status(), otpKnown.status());
        assertEquals(otpUnknown.raw().body(), otpKnown.raw().body());
        Http.Response dup = http.post("/api/v1/auth/register", Http.json("email", "known@example.com",
                "password", "another good one 1", "displayName", "Imposter"));
        assertEquals(201, dup.status(), "registering a taken email answers like a new one");
        accounts.latestCode("known@example.com", "sign-in code");
        Accounts.waitFor(() -> accounts.mailCount("known@example.com") >= 2 ? true : null, "account-exists notice");
    }

    @Test
    void wrongExpiredAndExhaustedCodes() {
        String email = "codes@example.com";
        http.post("/api/v1/auth/register", Http.json("email", email, "password", "river stone 88", "displayName", "C"));
        String code = accounts.latestCode(email, "verification code");
        String wrong = code.equals("000000") ? "111111" : "000000";
        Http.Response r = http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", wrong));
        assertEquals(401, r.status());
        assertEquals("auth.code_invalid", r.json().path("code").asText());
        assertEquals("format", rule(http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", "12ab")), "code"));
        server.platform().db().execute().dml("UPDATE identity.email_codes SET expires_at = now() - interval '1 minute'");
        assertEquals("auth.code_invalid", http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", code))
                .json().path("code").asText(), "an expired code is refused");
        server.platform().db().execute().dml("UPDATE identity.email_codes SET expires_at = now() + interval '5 minutes'");
        for (int i = 0; i < 4; i++) {
            http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", wrong));
        }
        assertEquals("auth.code_invalid", http.post("/api/v1/auth/verify-email", Http.json("email", email, "code", code))
                .json().path("code").asText(), "after five wrong tries even the right code is refused");
        assertEquals(403, http.post("/api/v1/auth/login", Http.json("email", email, "password", "river stone 88")).status());
    }

    @Test
    void malformedBodiesAndTokens() {
        assertEquals("request.malformed_json", http.post("/api/v1/auth/login", "{\"email\":").json().path("code").asText());
        assertEquals("request.body_missing", http.post("/api/v1/auth/login", "null").json().path("code").asText());
        assertEquals(400, http.post("/api/v1/auth/refresh", Http.json("refreshToken", "x".repeat(300))).status());
        assertEquals("auth.refresh_invalid", http.post("/api/v1/auth/refresh", Http.json("refreshToken", "nope"))
                .json().path("code").asText());
        Http.Response basic = http.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/me"))
                .header("Authorization", "Basic YTpi").GET());
        assertEquals(401, basic.status());
        assertTrue(basic.raw().body().contains("auth.token_invalid"));
        Http.Response none = http.get("/api/v1/me");
        assertEquals("auth.required", none.json().path("code").asText());
        assertEquals("Bearer", none.header("WWW-Authenticate"));
    }
}
