package io.lectern.server.platform.db;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway per module: each module owns a PostgreSQL schema of the same name, with its scripts under
 * {@code db/migration/<schema>/} and its own history table inside that schema.
 */
public final class Migrations {

    private Migrations() {
    }

    public static void migrate(DataSource dataSource, List<String> schemas) {
        for (String schema : schemas) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + schema)
                    .table("flyway_schema_history")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        }
    }
}
