package io.lectern.server.learning.internal.certificate;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL of learning.certificate_keys. */
public final class CertificateKeyStore {

    /**
     * A signing key as stored.
     *
     * @param id         key id
     * @param publicKey  X.509 SubjectPublicKeyInfo, Base64
     * @param privateKey PKCS#8, encrypted with the server secret
     */
    record Stored(UUID id, String publicKey, byte[] privateKey) {
    }

    /** Takes the lock under which servers load or make the key, held until the transaction ends. */
    void lock(DbExecute tx) {
        tx.get("SELECT pg_advisory_xact_lock(hashtext('learning.certificate_keys'))");
    }

    /** The newest key, if one was made. */
    Optional<Stored> newest(DbExecute db) {
        return db.get("SELECT id, public_key, private_key FROM learning.certificate_keys ORDER BY created_at "
                + "DESC LIMIT 1").map(r -> new Stored(Rows.uuid(r, "id"), Rows.text(r, "public_key"),
                (byte[]) Rows.value(r, "private_key")));
    }

    /** Stores a new key, its private half already encrypted. */
    void insert(DbExecute tx, UUID id, String publicKey, byte[] encryptedPrivateKey, Instant createdAt) {
        tx.insert("INSERT INTO learning.certificate_keys (id, public_key, private_key, created_at) "
                + "VALUES (?, ?, ?, ?)", id, publicKey, encryptedPrivateKey, Rows.param(createdAt));
    }

    /** The public half of a key. */
    Optional<String> publicKey(DbExecute db, UUID keyId) {
        return db.get("SELECT public_key FROM learning.certificate_keys WHERE id = ?", keyId)
                .map(r -> Rows.text(r, "public_key"));
    }
}
