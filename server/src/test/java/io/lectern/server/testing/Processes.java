package io.lectern.server.testing;

import io.lectern.server.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Lectern servers in processes of their own (to kill them with -9), and what tests ask of processes. */
public final class Processes {

    private Processes() {
    }

    /** Starts {@code Main server} in a new JVM with this test's class path and {@code env}; its output goes to {@code log}. */
    public static Process server(Map<String, String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "server"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Whether the server answers ready (false while it is still starting). */
    public static boolean ready(Http http) {
        try {
            return http.get("/health/ready").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The pid in the first line of a pid file, or -1. */
    public static long pid(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
