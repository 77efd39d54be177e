package io.lectern.server.testing;

import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Migrations;
import java.util.List;

/** A fresh, migrated database for tests of platform pieces that need no HTTP server. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Database migrated(String... schemas) {
        LecternConfig.DatabaseSettings s = TestInfra.get().newDatabase();
        Database db = Database.connect(s.url(), s.username(), s.password(), s.poolSize());
        Migrations.migrate(db.dataSource(), List.of(schemas));
        return db;
    }
}
