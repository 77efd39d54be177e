package io.lectern.bench;

import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.embedded.EmbeddedPostgres;
import io.lectern.server.platform.embedded.EmbeddedRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a benchmark runs against: a real PostgreSQL and Redis owned by the benchmark (so it can also reach the
 * database bare), the server in-process for seeding through its facades, and the server as its own process
 * ({@code java -jar server/target/lectern-server.jar}) for the load, as in production.
 */
final class BenchEnv implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    /** Environments not closed yet: a benchmark stopped with Ctrl+C closes them in {@link #closeAll()}. */
    private static final java.util.Set<BenchEnv> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final EmbeddedPostgres postgres;
    private final EmbeddedRedis redis;
    private Process server;
    private URI serverUri;

    private BenchEnv(Path dir, EmbeddedPostgres postgres, EmbeddedRedis redis) {
        this.dir = dir;
        this.postgres = postgres;
        this.redis = redis;
    }

    static BenchEnv start(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve("postgres"), dir.resolve("runtime"), false);
        pg.createDatabase("lectern");
        BenchEnv env = new BenchEnv(dir, pg, EmbeddedRedis.start(dir.resolve("redis")));
        OPEN.add(env);
        return env;
    }

    /** Stops the server process, Redis and PostgreSQL of every environment still open (at exit, also on Ctrl+C). */
    static void closeAll() {
        OPEN.forEach(BenchEnv::close);
    }

    String jdbcUrl() {
        return postgres.jdbcUrl("lectern");
    }

    String dbUser() {
        return postgres.user();
    }

    String dbPassword() {
        return postgres.password();
    }

    Map<String, String> serverEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("LECTERN_DATA_DIR", dir.resolve("data").toString());
        env.put("LECTERN_DB_URL", jdbcUrl());
        env.put("LECTERN_DB_USER", dbUser());
        env.put("LECTERN_DB_PASSWORD", dbPassword());
        env.put("LECTERN_DB_POOL_SIZE", "16");
        env.put("LECTERN_REDIS_URL", redis.url());
        env.put("LECTERN_MANAGEMENT_PORT", "0");
        env.put("LECTERN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // the benchmark's own single-operator server: its admin makes voucher batches without an authenticator app
        env.put("LECTERN_AUTH_REQUIRE_ADMIN_TOTP", "false");
        env.put("LECTERN_SEED_DEMO", "false");
        env.put("LECTERN_AUTH_RATE_LIMIT_FACTOR", "1000");
        env.put("LECTERN_SECRET_KEY", "YmVuY2gtb25seS1rZXktbm90LWZvci1wcm9kdWN0aW9uISE=");
        return env;
    }

    /** The server in this JVM, not listening: for seeding through its facades. */
    LecternServer inProcess() {
        Map<String, String> env = serverEnv();
        env.put("LECTERN_DATA_DIR", dir.resolve("data-in-process").toString());
        LecternConfig config = ConfigLoader.load(env, LecternServer.SETTINGS).withPort(0);
        LecternServer s = LecternServer.create(config);
        s.start();
        return s;
    }

    /** Starts the packaged server as its own process and waits until it is ready. */
    URI startServerProcess(Path serverJar) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx1g", "-jar", serverJar.toString(), "server");
        pb.environment().putAll(serverEnv());
        pb.environment().put("LECTERN_PORT", Integer.toString(port));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        server = pb.start();
        serverUri = URI.create("http://127.0.0.1:" + port);
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited; see " + dir.resolve("server.log"));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(serverUri.resolve("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return serverUri;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the server did not become ready; see " + dir.resolve("server.log"));
    }

    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return; // closed already
        }
        if (server != null) {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        redis.close();
        postgres.close();
    }
}
