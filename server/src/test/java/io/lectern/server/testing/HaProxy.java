package io.lectern.server.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real HAProxy (Debian's package, which {@code ./lectern test} installs) in front of two Lectern instances: round
 * robin, health checks on {@code /health/ready} with HAProxy's default HTTP/1.0 probe every 500 ms, a server marked
 * down after two failed checks, and a request whose connection could not be made sent to the other server.
 */
public final class HaProxy implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;
    private final int statsPort;
    private final Path log;

    private HaProxy(Process process, int port, int statsPort, Path log) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
        this.log = log;
    }

    public static HaProxy start(int... backends) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("HAProxy is needed at " + BINARY + ": apt-get install haproxy "
                    + "(./lectern test installs it)");
        }
        Path dir = TestInfra.tempDir("haproxy-");
        int port = Processes.freePort();
        int stats = Processes.freePort();
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                    retry-on conn-failure
                frontend api
                    bind 127.0.0.1:%d
                    default_backend lectern
                frontend stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                backend lectern
                    balance roundrobin
                    option httpchk GET /health/ready
                    default-server inter 500ms fall 2 rise 2
                """.formatted(port, stats));
        for (int i = 0; i < backends.length; i++) {
            cfg.append("    server s").append(i).append(" 127.0.0.1:").append(backends[i]).append(" check\n");
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, cfg);
        Path log = dir.resolve("haproxy.log");
        Process p = new ProcessBuilder(List.of(BINARY.toString(), "-db", "-f", file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new HaProxy(p, port, stats, log);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** How many requests HAProxy sent to each backend so far, in the order they were given. */
    public List<Long> requestsPerBackend() {
        return statsLines().stream().map(l -> Long.parseLong(l.split(",")[7])).toList();
    }

    private List<String> statsLines() {
        String csv = new Http(URI.create("http://127.0.0.1:" + statsPort)).get("/stats;csv").raw().body();
        return csv.lines().filter(l -> l.startsWith("lectern,s")).toList();
    }

    /** Waits until HAProxy's health checks see backend {@code index} (in the order given) DOWN. */
    public void awaitDown(int index) {
        Accounts.waitFor(() -> statsLines().get(index).contains(",DOWN") ? true : null,
                "HAProxy to see backend " + index + " down", Duration.ofSeconds(10));
    }

    /** Waits until HAProxy's health checks see every backend UP. */
    public void awaitBothUp() {
        Accounts.waitFor(() -> {
            try {
                long up = statsLines().stream().filter(l -> l.contains(",UP,")).count();
                return up >= 2 ? true : null;
            } catch (RuntimeException e) {
                return null;
            }
        }, "HAProxy to see both instances up (its log: " + log + ")", Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
