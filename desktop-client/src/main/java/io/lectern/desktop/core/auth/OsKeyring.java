package io.lectern.desktop.core.auth;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Map;
import java.util.Optional;

/**
 * The operating system's keyring through java-keyring: the Secret Service on Linux (GNOME Keyring, KWallet), the
 * Keychain on macOS, the Credential Manager on Windows. On Linux it is only tried inside a desktop session (a D-Bus
 * session bus is announced), so that a machine without one falls back at once instead of waiting on D-Bus. Each use
 * opens and closes its connection: an open D-Bus connection keeps a thread that would keep the app from exiting.
 */
final class OsKeyring {

    static final String SERVICE = "Lectern";

    /** One use of an open keyring. */
    private interface Use<T> {
        T with(Keyring keyring) throws PasswordAccessException;
    }

    private OsKeyring() {
    }

    /** The keyring, when this machine has one that answers. */
    static Optional<OsKeyring> open(Map<String, String> env) {
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Linux") && (env.get("DBUS_SESSION_BUS_ADDRESS") == null
                || env.get("DBUS_SESSION_BUS_ADDRESS").isBlank())) {
            return Optional.empty();
        }
        OsKeyring k = new OsKeyring();
        return k.use(keyring -> true).isPresent() ? Optional.of(k) : Optional.empty();
    }

    Optional<String> read(String account) {
        return use(keyring -> keyring.getPassword(SERVICE, account));
    }

    /** True when the keyring took the secret. */
    boolean write(String account, String secret) {
        return use(keyring -> {
            keyring.setPassword(SERVICE, account, secret);
            return true;
        }).isPresent();
    }

    void delete(String account) {
        use(keyring -> {
            keyring.deletePassword(SERVICE, account);
            return true;
        });
    }

    private <T> Optional<T> use(Use<T> use) {
        try (Keyring keyring = Keyring.create()) {
            return Optional.ofNullable(use.with(keyring));
        } catch (BackendNotSupportedException | PasswordAccessException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception | LinkageError e) {
            return Optional.empty(); // no keyring that answers: the encrypted file serves
        }
    }
}
