package io.lectern.desktop.core.auth;

import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserView;
import java.nio.file.Path;
import java.util.UUID;

/** Run in its own JVM inside a D-Bus session with a keyring: {@code save|load|clear DATA_DIR [REFRESH]}. */
public final class KeyringProbe {

    private KeyringProbe() {
    }

    public static void main(String[] args) {
        SessionVault vault = new SessionVault(Path.of(args[1]));
        switch (args[0]) {
            case "save" -> vault.save(new AuthTokens("access", args[2], 900, new UserView(UUID.randomUUID(),
                    "kim@example.com", "Kim", Role.STUDENT)));
            case "load" -> System.out.println("loaded=" + vault.load().map(AuthTokens::refreshToken).orElse("none"));
            default -> vault.clear();
        }
        System.out.println("where=" + vault.where());
    }
}
