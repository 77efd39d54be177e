package io.lectern.server.learning.internal.certificate;

import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.security.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * The Ed25519 key certificates are signed with: made once (under an advisory lock, so several servers agree),
 * its private half stored encrypted with the server secret, its public half published for offline checks.
 */
public final class CertificateKeys {

    /**
     * The signing key.
     *
     * @param id        key id
     * @param publicKey X.509 SubjectPublicKeyInfo, Base64
     * @param privateKey private key
     */
    record Key(UUID id, String publicKey, PrivateKey privateKey) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final SecretBox secrets;
    private final CertificateKeyStore store;
    private volatile Key key;

    public CertificateKeys(Database db, Clock clock, Ids ids, SecretBox secrets, CertificateKeyStore store) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
        this.store = store;
    }

    /** Loads (or makes) the signing key now, outside any transaction; issuing certificates then needs no second one. */
    public void ready() {
        current();
    }

    Key current() {
        Key k = key;
        if (k == null) {
            k = db.inTransaction(tx -> {
                store.lock(tx);
                return store.newest(tx).map(s -> new Key(s.id(), s.publicKey(),
                        privateKey(secrets.decrypt(s.privateKey())))).orElseGet(() -> {
                            KeyPair pair = generate();
                            UUID id = ids.next();
                            String pub = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
                            store.insert(tx, id, pub, secrets.encrypt(pair.getPrivate().getEncoded()),
                                    clock.instant());
                            return new Key(id, pub, pair.getPrivate());
                        });
            });
            key = k;
        }
        return k;
    }

    String sign(String canonical) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(current().privateKey());
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a signature against a published public key, as anyone can offline. */
    public static boolean verify(String publicKeyBase64, String canonical, String signature) {
        try {
            PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String publicKey(UUID keyId) {
        return store.publicKey(db.execute(), keyId).orElseThrow();
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
