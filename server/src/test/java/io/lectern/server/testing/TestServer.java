package io.lectern.server.testing;

import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.http.ApiRoutes;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** An in-process Lectern server on a fresh real database, listening on a free port. */
public final class TestServer {

    private TestServer() {
    }

    /**
     * The configuration tests start from: fresh database, shared Redis, free port, temp data dir, no seed. The admin
     * signs in with a password alone (as on a single-user install), so tests about something else need no
     * authenticator; {@code AdminTotpRequirementTest} runs with the default, which requires one.
     */
    public static LecternConfig config() {
        TestInfra infra = TestInfra.get();
        return ConfigLoader.load(Map.of("LECTERN_DATA_DIR", TestInfra.tempDir("lectern-test-data-").toString(),
                        "LECTERN_ADMIN_PASSWORD", "admin-password-for-tests", "LECTERN_AUTH_REQUIRE_ADMIN_TOTP", "false"),
                        LecternServer.SETTINGS)
                .withDatabase(infra.newDatabase())
                .withRedis(infra.redisUrl(), "test-" + java.util.UUID.randomUUID() + ":")
                .withPort(0)
                .withHttp(io.lectern.server.platform.config.HttpSettings.DEFAULTS.withManagementPort(0))
                .withSeedDemo(false)
                .withOutboxPoll(Duration.ofMillis(50));
    }

    /** As {@link #config()} with rate limits 20 times looser, for tests that sign in many times from one address. */
    public static LecternConfig relaxedConfig() {
        return config().withRateLimitFactor(20);
    }

    public static LecternServer start() {
        return start(config(), routes -> { });
    }

    public static LecternServer start(LecternConfig config, Consumer<ApiRoutes> extraRoutes) {
        return start(config, extraRoutes, java.time.Clock.systemUTC());
    }

    /** A server whose clock the test controls (time-based rules: renewals, windows, deadlines). */
    public static LecternServer start(LecternConfig config, Consumer<ApiRoutes> extraRoutes, java.time.Clock clock) {
        LecternServer server = LecternServer.create(config, extraRoutes, clock);
        server.start();
        return server;
    }
}
