package io.lectern.server.platform.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import redis.embedded.RedisServer;

/**
 * A real Redis server (binary from the embedded-redis jar) on 127.0.0.1 and a free port. Nothing is persisted:
 * Lectern keeps only rate-limit counters, the revocation copy and pub/sub traffic in Redis, and runs degraded without
 * it. Its pid file under {@code dir} lets the next start stop a Redis that a killed server left behind, and lets the
 * {@link Supervisor} see that it died (it is then started again on the same port).
 */
public final class EmbeddedRedis implements AutoCloseable, Supervisor.Supervised {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());

    private final Path pidFile;
    private final int port;
    private volatile RedisServer server;

    private EmbeddedRedis(Path pidFile, int port) {
        this.pidFile = pidFile;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dir) {
        try {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            EmbeddedRedis redis = new EmbeddedRedis(dir.resolve("redis.pid"), port);
            redis.stopOrphan();
            redis.launch();
            return redis;
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedStartException("Embedded Redis did not start: " + e.getMessage()
                    + ". Set LECTERN_REDIS_URL to use an external Redis.", e);
        }
    }

    private void launch() throws IOException {
        RedisServer next = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").setting("protected-mode yes")
                .setting("pidfile " + pidFile.toAbsolutePath())
                .onShutdownForceStop(true).build();
        next.start();
        server = next;
    }

    /** A Redis left running by a server that was killed holds the pid file; it is ours, so it is stopped. */
    private void stopOrphan() {
        process().filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false)).ifPresent(p -> {
            LOG.info("Stopping a Redis left running by an earlier Lectern on this data directory (pid " + p.pid() + ")");
            p.destroyForcibly();
            p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> p).join();
        });
    }

    /** The running process named in the pid file, if any. */
    private Optional<ProcessHandle> process() {
        try {
            return PidFile.running(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "Embedded Redis";
    }

    @Override
    public boolean alive() {
        return PidFile.alive(pidFile);
    }

    @Override
    public void restart() throws IOException {
        stopQuietly();
        launch();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (IOException | RuntimeException ignored) {
            // the process is gone either way
        }
    }

    @Override
    public void close() {
        stopQuietly();
    }
}
