package io.lectern.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.lectern.server.LecternServer;
import io.lectern.server.identity.internal.tokens.AccessTokens;
import io.lectern.server.identity.internal.tokens.SigningKeys;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MovableClock;
import io.lectern.server.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access tokens: verifiable with the published JWKS, key rotation, and every forgery refused. */
class TokenSecurityTest {

    private static LecternServer server;
    private static Http http;
    private static JsonNode admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        admin = Accounts.of(http).login("admin@lectern.local", "admin-password-for-tests");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String code(String token) {
        return http.get("/api/v1/me", token).json().path("code").asText();
    }

    private static JWTClaimsSet.Builder claimsLikeAdmin() throws Exception {
        SignedJWT real = SignedJWT.parse(admin.path("accessToken").asText());
        return new JWTClaimsSet.Builder(real.getJWTClaimsSet());
    }

    @Test
    void tokensVerifyAgainstThePublishedKeySetAndSurviveRotation() throws Exception {
        String token = admin.path("accessToken").asText();
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        JWKSet jwks = JWKSet.parse(http.get("/api/v1/auth/jwks").raw().body());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "signature checks with the published key");
        assertTrue(jwks.getKeys().stream().noneMatch(k -> k.isPrivate()), "no private parts published");

        server.modules().identity().rotateSigningKey();
        JsonNode fresh = Accounts.of(http).login("admin@lectern.local", "admin-password-for-tests");
        String newKid = SignedJWT.parse(fresh.path("accessToken").asText()).getHeader().getKeyID();
        assertNotEquals(jwt.getHeader().getKeyID(), newKid, "a new key signs after rotation");
        JWKSet after = JWKSet.parse(http.get("/api/v1/auth/jwks").raw().body());
        assertTrue(after.getKeyByKeyId(newKid) != null && after.getKeyByKeyId(jwt.getHeader().getKeyID()) != null,
                "both keys are published while old tokens live");
        assertEquals(200, http.get("/api/v1/me", token).status(), "tokens of the old key still work");
        assertEquals(200, http.get("/api/v1/me", fresh.path("accessToken").asText()).status());
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        JWTClaimsSet claims = claimsLikeAdmin().build();
        String none = new PlainJWT(claims).serialize();
        assertEquals("auth.token_invalid", code(none), "alg none");

        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(SignedJWT.parse(admin.path("accessToken").asText())
                .getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(foreign.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        forged.sign(new ECDSASigner(foreign));
        assertEquals("auth.token_invalid", code(forged.serialize()), "signed by a key not ours");

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
                claims);
        hmac.sign(new MACSigner(http.get("/api/v1/auth/jwks").raw().body().repeat(2).getBytes()));
        assertEquals("auth.token_invalid", code(hmac.serialize()), "HMAC with the public key as secret");

        String[] parts = admin.path("accessToken").asText().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"ADMIN\"", "\"ADMIN\" ");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertEquals("auth.token_invalid", code(tampered), "payload changed after signing");
        assertEquals("auth.token_invalid", code("abc.def.ghi"));
    }

    @Test
    void expiredTokensSayExpired() {
        SecretBox secrets = SecretBox.open(Optional.empty(), server.platform().config().dataDir());
        SigningKeys keys = new SigningKeys(server.platform().db(), server.platform().clock(), server.platform().ids(),
                secrets, Duration.ofDays(30), Duration.ofMinutes(15));
        keys.keepCurrent(); // as the module does at start
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), java.time.ZoneOffset.UTC);
        String old = new AccessTokens(keys, past, Duration.ofMinutes(15)).issue(
                UUID.fromString(admin.path("user").path("id").asText()), io.lectern.model.identity.Role.ADMIN,
                UUID.randomUUID(), false);
        Http.Response r = http.get("/api/v1/me", old);
        assertEquals(401, r.status());
        assertEquals("auth.token_expired", r.json().path("code").asText());
        String valid = new AccessTokens(keys, Clock.systemUTC(), Duration.ofMinutes(15)).issue(
                UUID.fromString(admin.path("user").path("id").asText()), io.lectern.model.identity.Role.ADMIN,
                UUID.randomUUID(), false);
        assertEquals(200, http.get("/api/v1/me", valid).status(), "the same key and claims work when not expired");
    }

    /**
     * A key nearing the end of its signing period keeps signing while a background refresh makes the next one, and
     * signing inside a transaction takes no second connection (the tests refuse one: lectern.db.strict-nesting).
     */
    @Test
    void keysRollOverWithoutTouchingTheDatabaseWhileSigning() throws InterruptedException {
        SecretBox secrets = SecretBox.open(Optional.empty(), server.platform().config().dataDir());
        MovableClock clock = new MovableClock();
        clock.advance(Duration.ofDays(400)); // past every key the server made, so these keys are the only current ones
        SigningKeys keys = new SigningKeys(server.platform().db(), clock, server.platform().ids(), secrets,
                Duration.ofMinutes(10), Duration.ofMinutes(15));
        keys.keepCurrent();
        String first = keys.signingKey().getKeyID();
        clock.advance(Duration.ofMinutes(9).plusSeconds(30)); // inside the last minute of its period
        String during = server.platform().db().inTransaction(tx -> {
            tx.get("SELECT 1 AS one"); // the transaction holds its connection
            return keys.signingKey().getKeyID();
        });
        assertEquals(first, during, "the old key signs on while the next is made");
        String next = first;
        for (int i = 0; i < 100 && next.equals(first); i++) {
            Thread.sleep(50);
            next = keys.signingKey().getKeyID();
        }
        assertNotEquals(first, next, "a background refresh made and loaded the next key");
        String nextKid = next;
        assertTrue(keys.verificationKeys(first).stream().anyMatch(k -> k.getKeyID().equals(first))
                && keys.verificationKeys(nextKid).stream().anyMatch(k -> k.getKeyID().equals(nextKid)),
                "both keys verify");
        server.platform().db().execute().dml("DELETE FROM identity.signing_keys WHERE kid IN (?, ?)", first, nextKid);
    }
}
