package io.lectern.server;

import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Migrations;
import io.lectern.server.platform.embedded.DataDirLock;
import io.lectern.server.platform.embedded.EmbeddedPostgres;
import io.lectern.server.platform.embedded.EmbeddedRedis;
import io.lectern.server.platform.embedded.Supervisor;
import io.lectern.server.platform.redis.Redis;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The servers Lectern stands on: the data-directory lock, PostgreSQL (embedded or external, migrated) and
 * Redis (embedded or external); the embedded ones are supervised (started again if they die). Closes what it opened
 * in reverse order, also when opening fails half-way.
 */
final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Infrastructure.class.getName());

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final List<Supervisor.Supervised> supervised = new ArrayList<>();
    private Database db;
    private Redis redis;
    private String embeddedDbUrl;

    static Infrastructure open(LecternConfig config, List<String> schemas) {
        Infrastructure infra = new Infrastructure();
        try {
            infra.openAll(config, schemas);
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    private void openAll(LecternConfig config, List<String> schemas) {
        opened.push(DataDirLock.acquire(config.dataDir()));
        if (config.database().isPresent()) {
            var s = config.database().get();
            db = Database.connect(s.url(), s.username(), s.password(), s.poolSize());
        } else {
            LOG.info(() -> "Starting the embedded PostgreSQL under " + config.dataDir().resolve("postgres"));
            EmbeddedPostgres pg = EmbeddedPostgres.start(config.dataDir().resolve("postgres"),
                    config.dataDir().resolve("runtime"), true);
            opened.push(pg);
            supervised.add(pg);
            pg.createDatabase("lectern");
            embeddedDbUrl = pg.jdbcUrl("lectern");
            db = Database.connect(embeddedDbUrl, pg.user(), pg.password(), 16);
        }
        opened.push(db);
        String redisUrl = config.redisUrl().orElseGet(() -> {
            EmbeddedRedis embedded = EmbeddedRedis.start(config.dataDir().resolve("redis"));
            opened.push(embedded);
            supervised.add(embedded);
            return embedded.url();
        });
        redis = Redis.connect(redisUrl, config.redisPrefix());
        opened.push(redis);
        opened.push(new Supervisor(supervised, Duration.ofSeconds(1)).start());
        Migrations.migrate(db.dataSource(), schemas);
    }

    Database db() {
        return db;
    }

    Redis redis() {
        return redis;
    }

    Optional<String> embeddedDatabaseUrl() {
        return Optional.ofNullable(embeddedDbUrl);
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.warning("Closing " + e.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }
}
