package io.lectern.server.testing;

import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.embedded.EmbeddedPostgres;
import io.lectern.server.platform.embedded.EmbeddedRedis;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL and one real Redis per test JVM, and a fresh database per test class. Set
 * {@code LECTERN_TEST_DB_URL} (a JDBC URL of a database whose user may create databases, with
 * {@code LECTERN_TEST_DB_USER}/{@code LECTERN_TEST_DB_PASSWORD}) and {@code LECTERN_TEST_REDIS_URL} to use
 * external servers instead.
 */
public final class TestInfra {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestInfra instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String redisUrl;

    private TestInfra(String adminUrl, String user, String password, String redisUrl) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.redisUrl = redisUrl;
    }

    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestInfra start() {
        String redis = System.getenv("LECTERN_TEST_REDIS_URL");
        if (redis == null) {
            EmbeddedRedis embedded = EmbeddedRedis.start(tempDir("lectern-test-redis-"));
            TestDirs.closeFirst(embedded);
            redis = embedded.url();
        }
        String external = System.getenv("LECTERN_TEST_DB_URL");
        if (external != null) {
            return new TestInfra(external, System.getenv().getOrDefault("LECTERN_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("LECTERN_TEST_DB_PASSWORD", ""), redis);
        }
        Path base = tempDir("lectern-test-pg-");
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "lectern-test-pg-binaries");
        EmbeddedPostgres pg = EmbeddedPostgres.start(base, cache, false);
        TestDirs.closeFirst(pg);
        return new TestInfra(pg.jdbcUrl("postgres"), pg.user(), pg.password(), redis);
    }

    /** A new empty database on the shared server. */
    public LecternConfig.DatabaseSettings newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new LecternConfig.DatabaseSettings(url, user, password, 8);
    }

    public String redisUrl() {
        return redisUrl;
    }

    /** A new empty directory, removed when the test JVM exits (see {@link TestDirs}). */
    public static Path tempDir(String prefix) {
        return TestDirs.create(prefix);
    }
}
