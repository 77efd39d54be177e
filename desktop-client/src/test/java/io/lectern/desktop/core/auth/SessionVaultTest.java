package io.lectern.desktop.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionVaultTest {

    @TempDir
    Path dir;

    private static AuthTokens tokens(String refresh) {
        return new AuthTokens("access", refresh, 900, new UserView(UUID.randomUUID(), "ann@example.com", "Ann",
                Role.STUDENT));
    }

    @Test
    void aSessionSurvivesARestartEncryptedAndOwnerOnly() throws Exception {
        new SessionVault(dir, Map.of()).save(tokens("refresh-secret-1"));
        assertFalse(new String(Files.readAllBytes(dir.resolve("session.vault")), StandardCharsets.ISO_8859_1)
                .contains("refresh-secret-1"), "not in clear text");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("session.key"))));
        SessionVault restarted = new SessionVault(dir, Map.of());
        assertEquals("refresh-secret-1", restarted.load().orElseThrow().refreshToken());
        restarted.save(tokens("refresh-secret-2"));
        assertEquals("refresh-secret-2", new SessionVault(dir, Map.of()).load().orElseThrow().refreshToken(), "rotated");
        restarted.clear();
        assertTrue(new SessionVault(dir, Map.of()).load().isEmpty(), "signed out");
    }

    @Test
    void aDamagedVaultMeansSigningInAgain() throws Exception {
        new SessionVault(dir, Map.of()).save(tokens("r"));
        byte[] bytes = Files.readAllBytes(dir.resolve("session.vault"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(dir.resolve("session.vault"), bytes);
        assertTrue(new SessionVault(dir, Map.of()).load().isEmpty());
    }
}
