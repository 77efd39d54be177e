package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestInfra;
import io.lectern.server.testing.TestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ended sessions stay ended. Tokens of a signed-out session, of a deactivated account and of the other sessions of a
 * password change are refused — also after Redis lost everything it held for the server, and after the server
 * restarted on an empty Redis (as the embedded one is at every start): PostgreSQL is the truth behind Redis.
 */
class RevocationTest {

    @Test
    void endedSessionsStayEndedWhenRedisForgetsAndWhenTheServerRestarts() {
        LecternConfig config = TestServer.relaxedConfig();
        Map<String, String> ended = new LinkedHashMap<>();
        Map<String, String> live = new LinkedHashMap<>();
        try (LecternServer server = TestServer.start(config, routes -> { })) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            studio.user("lea.revoke@example.com", "Lea Revoke", Role.STUDENT);
            var signedOut = studio.accounts().login("lea.revoke@example.com", "passphrase for Lea Revoke");
            assertEquals(204, http.post("/api/v1/auth/logout", Http.json("refreshToken",
                    signedOut.path("refreshToken").asText())).status());
            ended.put("signed out", signedOut.path("accessToken").asText());
            String other = login(studio, "lea.revoke@example.com", "passphrase for Lea Revoke");
            String changer = login(studio, "lea.revoke@example.com", "passphrase for Lea Revoke");
            assertEquals(204, http.post("/api/v1/me/password", Http.json("currentPassword", "passphrase for Lea Revoke",
                    "newPassword", "a new passphrase for Lea"), changer).status());
            ended.put("other session after a password change", other);
            live.put("the session that changed the password", changer);
            String sam = studio.user("sam.revoke@example.com", "Sam Revoke", Role.STUDENT);
            assertEquals(200, http.call("PATCH", "/api/v1/admin/users/" + studio.userId(sam), Http.json("active", false),
                    studio.accounts().adminToken()).status());
            ended.put("deactivated", sam);
            live.put("an untouched session", studio.user("tom.revoke@example.com", "Tom Revoke", Role.STUDENT));
            expect(http, ended, live, "with Redis holding the revocations");

            wipeRedisOf(server, config.redisPrefix());
            expect(http, ended, live, "right after Redis lost them");
            Accounts.waitFor(() -> server.platform().redis().client().exists(config.redisPrefix()
                    + "auth:revocations-loaded") ? true : null, "the revocations to be copied back into Redis");
            expect(http, ended, live, "after they were copied back from PostgreSQL");
        }
        LecternConfig restarted = config.withRedis(TestInfra.get().redisUrl(), "test-" + java.util.UUID.randomUUID() + ":");
        try (LecternServer server = TestServer.start(restarted, routes -> { })) {
            expect(new Http(server.baseUri()), ended, live, "after a restart on an empty Redis");
        }
    }

    private static String login(Studio studio, String email, String password) {
        return studio.accounts().login(email, password).path("accessToken").asText();
    }

    private static void expect(Http http, Map<String, String> ended, Map<String, String> live, String when) {
        ended.forEach((what, token) -> {
            Http.Response r = http.get("/api/v1/me", token);
            assertEquals(401, r.status(), what + ", " + when + ": " + r.raw().body());
            assertEquals("auth.token_revoked", r.json().path("code").asText(), what + ", " + when);
        });
        live.forEach((what, token) -> assertEquals(200, http.get("/api/v1/me", token).status(), what + ", " + when));
    }

    private static void wipeRedisOf(LecternServer server, String prefix) {
        var redis = server.platform().redis().client();
        Set<String> keys = redis.keys(prefix + "*");
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
    }
}
