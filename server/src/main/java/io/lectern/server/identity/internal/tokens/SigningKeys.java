package io.lectern.server.identity.internal.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The rotating ES256 key set that signs access tokens, shared by all instances through the database. The newest
 * key signs until its {@code sign_until}; shortly before, a background refresh makes the next one (under an advisory
 * lock, so instances agree). Old keys stay published until every token they signed has expired.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    private record Loaded(List<ECKey> keys, Instant at) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final SecretBox secrets;
    private final Duration rotation;
    private final Duration publishExtra;
    private final Duration margin;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final SigningKeyStore store = new SigningKeyStore();
    private volatile Loaded loaded = new Loaded(List.of(), Instant.EPOCH);

    public SigningKeys(Database db, Clock clock, Ids ids, SecretBox secrets, Duration rotation,
                       Duration accessTokenTtl) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
        this.rotation = rotation;
        this.publishExtra = accessTokenTtl.plusHours(1);
        this.margin = rotation.dividedBy(10).compareTo(Duration.ofMinutes(5)) < 0 ? rotation.dividedBy(10)
                : Duration.ofMinutes(5);
    }

    /**
     * The key to sign with now. Tokens are signed outside transactions (sign-ins sign after they commit). Keys are
     * loaded (or made) at start; when the current key nears the end of its signing period, a background refresh
     * makes or loads the next one while this key keeps signing. Only when no key signs any more (the server slept
     * through a whole period) does the caller wait for the next one.
     */
    public ECKey signingKey() {
        Instant now = clock.instant();
        ECKey current = current(loaded.keys(), now.plus(margin));
        if (current != null) {
            return current;
        }
        ECKey stillSigning = current(loaded.keys(), now);
        if (stillSigning != null) {
            refreshInBackground();
            return stillSigning;
        }
        keepCurrent();
        return Optional.ofNullable(current(loaded.keys(), now))
                .orElseThrow(() -> new IllegalStateException("No signing key could be loaded or made"));
    }

    /** Makes sure a key signs for a while yet (making the next one under a lock all instances share) and loads it. */
    public void keepCurrent() {
        Instant now = clock.instant();
        reload();
        if (current(loaded.keys(), now.plus(margin)) == null) {
            rotate(now);
            reload();
        }
    }

    private void refreshInBackground() {
        if (refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("signing-keys-refresh").start(() -> {
                try {
                    keepCurrent();
                } catch (RuntimeException e) {
                    LOG.warning("Refreshing the signing keys failed (the current key keeps signing): " + e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    /** All keys that may have signed a live token; reloads when asked for a key id it does not know yet. */
    public List<ECKey> verificationKeys(String kid) {
        Loaded snapshot = loaded;
        boolean known = snapshot.keys().stream().anyMatch(k -> k.getKeyID().equals(kid));
        if (!known && snapshot.at().isBefore(clock.instant().minusSeconds(5))) {
            reload();
        }
        return loaded.keys();
    }

    /** The public JWK set, as published at {@code /api/v1/auth/jwks}. */
    public JWKSet publicSet() {
        if (loaded.keys().isEmpty()) {
            keepCurrent();
        }
        return new JWKSet(loaded.keys().stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** Ends the current key's signing period now (for tests and for an operator rotating after a leak). */
    public void rotateNow() {
        Instant now = clock.instant();
        store.endSigning(db.execute(), now);
        keepCurrent();
    }

    /** The newest key that still signs at {@code until}, if any. */
    private static ECKey current(List<ECKey> keys, Instant until) {
        return keys.stream().filter(k -> k.getNotBeforeTime() != null && k.getExpirationTime() != null
                        && k.getExpirationTime().toInstant().isAfter(until))
                .max(Comparator.comparing(k -> k.getNotBeforeTime())).orElse(null);
    }

    private void rotate(Instant now) {
        db.doInTransaction(tx -> {
            if (store.lockAndFindSigning(tx, now.plus(margin))) {
                return;
            }
            try {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                        .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).keyID(ids.next().toString())
                        .generate();
                Instant signUntil = now.plus(rotation);
                store.add(tx, key.getKeyID(), key.toPublicJWK().toJSONString(),
                        secrets.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8)), signUntil,
                        signUntil.plus(publishExtra));
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate an EC P-256 key", e);
            }
        });
    }

    private void reload() {
        List<ECKey> keys = new ArrayList<>();
        store.published(db.execute(), clock.instant()).forEach(k -> keys.add(parse(k)));
        loaded = new Loaded(List.copyOf(keys), clock.instant());
    }

    private ECKey parse(SigningKeyStore.Stored k) {
        try {
            ECKey stored = ECKey.parse(new String(secrets.decrypt(k.privateJwk()), StandardCharsets.UTF_8));
            return new ECKey.Builder(stored).notBeforeTime(java.util.Date.from(k.createdAt()))
                    .expirationTime(java.util.Date.from(k.signUntil())).build();
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is not a valid JWK", e);
        }
    }
}
