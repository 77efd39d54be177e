package io.lectern.desktop.core.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lectern.model.identity.AuthTokens;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the session across restarts: the latest token pair in the OS keyring where there is one ({@link OsKeyring}),
 * otherwise encrypted with AES-256-GCM under a random key in a separate owner-only file of the user's data dir.
 * Anything unreadable counts as "no session": the learner signs in again.
 */
public final class SessionVault {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path vault;
    private final Path keyFile;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Optional<OsKeyring> keyring;
    private final String account;

    public SessionVault(Path dataDir) {
        this(dataDir, System.getenv());
    }

    /** With the environment that says whether a desktop session (and so a keyring) is there. */
    public SessionVault(Path dataDir, java.util.Map<String, String> env) {
        this.vault = dataDir.resolve("session.vault");
        this.keyFile = dataDir.resolve("session.key");
        this.keyring = OsKeyring.open(env);
        this.account = "session " + dataDir.toAbsolutePath().normalize();
    }

    /** Where the session is kept: "the system keyring" or "an encrypted file". */
    public String where() {
        return keyring.isPresent() ? "the system keyring" : "an encrypted file";
    }

    public synchronized void save(AuthTokens tokens) {
        try {
            if (keyring.isPresent() && keyring.get().write(account, json.writeValueAsString(tokens))) {
                Files.deleteIfExists(vault); // kept in the keyring only
                return;
            }
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(json.writeValueAsBytes(tokens));
            Path tmp = vault.resolveSibling("session.vault.tmp");
            Files.write(tmp, ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
            ownerOnly(tmp);
            Files.move(tmp, vault, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            // not remembered: the learner signs in next time
        }
    }

    public synchronized Optional<AuthTokens> load() {
        try {
            Optional<String> kept = keyring.flatMap(k -> k.read(account));
            if (kept.isPresent()) {
                return Optional.of(json.readValue(kept.get(), AuthTokens.class));
            }
            if (!Files.exists(vault) || !Files.exists(keyFile)) {
                return Optional.empty();
            }
            byte[] all = Files.readAllBytes(vault);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Files.readAllBytes(keyFile), "AES"),
                    new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(json.readValue(c.doFinal(all, 12, all.length - 12), AuthTokens.class));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public synchronized void clear() {
        keyring.ifPresent(k -> k.delete(account));
        try {
            Files.deleteIfExists(vault);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private byte[] key() throws IOException {
        if (Files.exists(keyFile)) {
            return Files.readAllBytes(keyFile);
        }
        Files.createDirectories(keyFile.getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.write(keyFile, key);
        ownerOnly(keyFile);
        return key;
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
