package io.lectern.server.identity.internal.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rotating ES256 key set that signs access tokens, shared by all instances through the database. The newest
 * key signs until its {@code sign_until}; then the next request makes a new one (under an advisory lock, so
 * instances agree). Old keys stay published until every token they signed has expired.
 */
public final class SigningKeys {

    private record Loaded(List<ECKey> keys, Instant at) {
    }

    private final Platform platform;
    private final SecretBox secrets;
    private final Duration rotation;
    private final Duration publishExtra;
    private volatile Loaded loaded = new Loaded(List.of(), Instant.EPOCH);

    public SigningKeys(Platform platform, SecretBox secrets, Duration rotation, Duration accessTokenTtl) {
        this.platform = platform;
        this.secrets = secrets;
        this.rotation = rotation;
        this.publishExtra = accessTokenTtl.plusHours(1);
    }

    /** The key to sign with now, creating the next one when the current one's time is up. */
    public ECKey signingKey() {
        Instant now = platform.clock().instant();
        ECKey current = current(loaded.keys(), now);
        // Loaded at start; a rotation when the key's time is up may come inside a sign-in's transaction (rare).
        return current != null ? current : io.lectern.server.platform.db.Database.allowingNesting(() -> {
            reload();
            ECKey fresh = current(loaded.keys(), now);
            if (fresh == null) {
                rotate(now);
                reload();
                fresh = current(loaded.keys(), now);
            }
            return fresh;
        });
    }

    /** All keys that may have signed a live token; reloads when asked for a key id it does not know yet. */
    public List<ECKey> verificationKeys(String kid) {
        Loaded snapshot = loaded;
        boolean known = snapshot.keys().stream().anyMatch(k -> k.getKeyID().equals(kid));
        if (!known && snapshot.at().isBefore(platform.clock().instant().minusSeconds(5))) {
            reload();
        }
        return loaded.keys();
    }

    /** The public JWK set, as published at {@code /api/v1/auth/jwks}. */
    public JWKSet publicSet() {
        if (loaded.keys().isEmpty()) {
            signingKey();
        }
        return new JWKSet(loaded.keys().stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** Ends the current key's signing period now (for tests and for an operator rotating after a leak). */
    public void rotateNow() {
        Instant now = platform.clock().instant();
        platform.db().execute().dml("UPDATE identity.signing_keys SET sign_until = ? WHERE sign_until > ?",
                Rows.param(now), Rows.param(now));
        loaded = new Loaded(List.of(), Instant.EPOCH);
    }

    private ECKey current(List<ECKey> keys, Instant now) {
        return keys.stream().filter(k -> k.getNotBeforeTime() != null && k.getExpirationTime() != null
                        && !k.getExpirationTime().toInstant().isBefore(now.plusSeconds(1)))
                .max(Comparator.comparing(k -> k.getNotBeforeTime())).orElse(null);
    }

    private void rotate(Instant now) {
        platform.db().doInTransaction(tx -> {
            tx.query("SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))").close();
            boolean fresh = tx.get("SELECT 1 FROM identity.signing_keys WHERE sign_until > ?",
                    Rows.param(now.plusSeconds(1))).isPresent();
            if (fresh) {
                return;
            }
            try {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                        .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).keyID(platform.ids().next().toString())
                        .generate();
                Instant signUntil = now.plus(rotation);
                tx.insert("""
                        INSERT INTO identity.signing_keys (kid, public_jwk, private_jwk, sign_until, publish_until)
                        VALUES (?, ?, ?, ?, ?)""", key.getKeyID(), key.toPublicJWK().toJSONString(),
                        secrets.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)), Rows.param(signUntil),
                        Rows.param(signUntil.plus(publishExtra)));
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate an EC P-256 key", e);
            }
        });
    }

    private void reload() {
        List<ECKey> keys = new ArrayList<>();
        try (var rows = platform.db().execute().query("""
                SELECT kid, private_jwk, created_at, sign_until FROM identity.signing_keys
                WHERE publish_until > ? ORDER BY created_at""", Rows.param(platform.clock().instant()))) {
            rows.forEach(r -> keys.add(parse(r)));
        }
        loaded = new Loaded(List.copyOf(keys), platform.clock().instant());
    }

    private ECKey parse(io.helidon.dbclient.DbRow r) {
        try {
            ECKey stored = ECKey.parse(new String(secrets.decrypt((byte[]) Rows.value(r, "private_jwk")),
                    StandardCharsets.UTF_8));
            return new ECKey.Builder(stored).notBeforeTime(java.util.Date.from(Rows.instant(r, "created_at")))
                    .expirationTime(java.util.Date.from(Rows.instant(r, "sign_until"))).build();
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is not a valid JWK", e);
        }
    }
}
