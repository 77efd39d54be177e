package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.TestInfra;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Mistakes a user can fix end the process with one clear line and exit code 2, never a stack trace. */
class MainTest {

    record Outcome(int exit, String stderr) {
    }

    private static Outcome run(Map<String, String> env) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("LECTERN_"));
        pb.environment().put("LECTERN_DATA_DIR", TestInfra.tempDir("lectern-main-").toString());
        pb.environment().put("LECTERN_MANAGEMENT_PORT", "0");
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Path stderr = TestInfra.tempDir("lectern-main-").resolve("stderr.txt");
        pb.redirectError(stderr.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Lectern did not exit: " + Files.readString(stderr));
        }
        return new Outcome(p.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static void assertOneClearLine(Outcome o, String expected) {
        assertEquals(2, o.exit(), o.stderr());
        List<String> lines = o.stderr().lines().filter(l -> l.startsWith("lectern: ")).toList();
        assertEquals(1, lines.size(), o.stderr());
        assertTrue(lines.get(0).contains(expected), o.stderr());
        assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
    }

    @Test
    void badPortSaysWhichVariable() throws Exception {
        assertOneClearLine(run(Map.of("LECTERN_PORT", "eighty")), "LECTERN_PORT must be a whole number");
    }

    @Test
    void unreachableDatabaseSaysWhere() throws Exception {
        assertOneClearLine(run(Map.of("LECTERN_DB_URL", "jdbc:postgresql://127.0.0.1:1/lectern",
                "LECTERN_REDIS_URL", TestInfra.get().redisUrl())),
                "Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1");
    }

    @Test
    void portInUseSaysSo() throws Exception {
        LecternConfig.DatabaseSettings db = TestInfra.get().newDatabase();
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = new HashMap<>(Map.of("LECTERN_DB_URL", db.url(), "LECTERN_DB_USER", db.username(),
                    "LECTERN_DB_PASSWORD", db.password(), "LECTERN_REDIS_URL", TestInfra.get().redisUrl(),
                    "LECTERN_PORT", String.valueOf(taken.getLocalPort()), "LECTERN_ADMIN_PASSWORD", "long-enough-pw"));
            assertOneClearLine(run(env), "port " + taken.getLocalPort() + " is already in use");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
