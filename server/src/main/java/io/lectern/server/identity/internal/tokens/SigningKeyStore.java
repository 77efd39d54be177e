package io.lectern.server.identity.internal.tokens;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;

/** The token signing keys all instances share ({@code identity.signing_keys}), private halves encrypted. */
final class SigningKeyStore {

    /**
     * A stored key.
     *
     * @param privateJwk the encrypted private JWK
     * @param createdAt  when it began to sign
     * @param signUntil  when it stops signing
     */
    record Stored(byte[] privateJwk, Instant createdAt, Instant signUntil) {
    }

    /** Ends every key's signing period now. */
    void endSigning(DbExecute db, Instant now) {
        db.dml("UPDATE identity.signing_keys SET sign_until = ? WHERE sign_until > ?", Rows.param(now), Rows.param(now));
    }

    /** Takes the key-making lock for the caller's transaction; true when a key signs past {@code until}. */
    boolean lockAndFindSigning(DbExecute tx, Instant until) {
        tx.query("SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))").close();
        return tx.get("SELECT 1 FROM identity.signing_keys WHERE sign_until > ?", Rows.param(until)).isPresent();
    }

    void add(DbExecute tx, String kid, String publicJwk, byte[] privateJwk, Instant signUntil, Instant publishUntil) {
        tx.insert("""
                INSERT INTO identity.signing_keys (kid, public_jwk, private_jwk, sign_until, publish_until)
                VALUES (?, ?, ?, ?, ?)""", kid, publicJwk, privateJwk, Rows.param(signUntil), Rows.param(publishUntil));
    }

    /** The keys still published at {@code now}, oldest first. */
    List<Stored> published(DbExecute db, Instant now) {
        try (var rows = db.query("""
                SELECT kid, private_jwk, created_at, sign_until FROM identity.signing_keys
                WHERE publish_until > ? ORDER BY created_at""", Rows.param(now))) {
            return rows.map(r -> new Stored((byte[]) Rows.value(r, "private_jwk"), Rows.instant(r, "created_at"),
                    Rows.instant(r, "sign_until"))).toList();
        }
    }
}
