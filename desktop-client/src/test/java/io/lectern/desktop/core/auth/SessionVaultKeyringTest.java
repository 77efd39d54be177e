package io.lectern.desktop.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session in a real OS keyring: a private D-Bus session with GNOME Keyring's Secret Service (unlocked), the
 * vault saving and loading in JVMs of their own (as restarts of the app), the secret readable by {@code secret-tool}
 * and absent from the data dir, and gone after sign-out. CI installs gnome-keyring, dbus-x11 and libsecret-tools.
 */
class SessionVaultKeyringTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private String busPid;

    private static boolean installed(String tool) {
        return List.of("/usr/bin/", "/bin/").stream().anyMatch(d -> Files.isExecutable(Path.of(d + tool)));
    }

    private void startKeyring() throws Exception {
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("share").toString());
        String bus = run(List.of("dbus-launch", "--sh-syntax"), null);
        for (String line : bus.split("\n")) {
            if (line.startsWith("DBUS_SESSION_BUS_ADDRESS=")) {
                env.put("DBUS_SESSION_BUS_ADDRESS", line.substring(line.indexOf('=') + 1).replaceAll("[';]", "")
                        .replace("export DBUS_SESSION_BUS_ADDRESS", "").strip());
            } else if (line.startsWith("DBUS_SESSION_BUS_PID=")) {
                busPid = line.substring(line.indexOf('=') + 1).replace(";", "").strip();
            }
        }
        run(List.of("gnome-keyring-daemon", "--unlock", "--components=secrets"), "test-password");
    }

    @AfterEach
    void stopBus() throws Exception {
        if (busPid != null) {
            new ProcessBuilder("kill", busPid).start().waitFor();
        }
        new ProcessBuilder("pkill", "-f", "gnome-keyring-daemon --unlock --components=secrets").start().waitFor();
    }

    /** Runs a command to its end; its output goes through a file, as daemons it starts keep their stdout open. */
    private String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("took too long: " + command + "\n" + Files.readString(out));
        }
        return Files.readString(out);
    }

    private String probe(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), KeyringProbe.class.getName()));
        command.addAll(List.of(args));
        return run(command, null);
    }

    @Test
    void theSessionLivesInTheKeyringAcrossRestartsAndLeavesWithSignOut() throws Exception {
        assumeTrue(installed("gnome-keyring-daemon") && installed("dbus-launch") && installed("secret-tool"),
                "gnome-keyring, dbus-x11 and libsecret-tools are not installed here");
        startKeyring();
        Path data = home.resolve("data");
        String saved = probe("save", data.toString(), "refresh-in-the-keyring");
        assertTrue(saved.contains("where=the system keyring"), saved);
        assertFalse(Files.exists(data.resolve("session.vault")), "nothing on disk");
        String stored = run(List.of("secret-tool", "lookup", "service", "Lectern", "account", "session "
                + data.toAbsolutePath().normalize()), null);
        assertTrue(stored.contains("refresh-in-the-keyring"), "the keyring holds it: " + stored);
        assertTrue(probe("load", data.toString()).contains("loaded=refresh-in-the-keyring"), "a restart finds it");
        probe("clear", data.toString());
        assertEquals("loaded=none", probe("load", data.toString()).lines().filter(l -> l.startsWith("loaded="))
                .findFirst().orElse(""), "signed out: gone from the keyring");
    }
}
