package io.lectern.server.platform.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real Redis server (binary from the embedded-redis jar) on 127.0.0.1 and a free port. Nothing is persisted:
 * Lectern keeps only rate-limit counters and pub/sub traffic in Redis.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").setting("protected-mode yes")
                    .onShutdownForceStop(true).build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedStartException("Embedded Redis did not start: " + e.getMessage()
                    + ". Set LECTERN_REDIS_URL to use an external Redis.", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the process is gone either way
        }
    }
}
