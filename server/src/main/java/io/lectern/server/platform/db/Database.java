package io.lectern.server.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The one PostgreSQL pool (HikariCP) and the Helidon DB Client on top of it. Every multi-statement write goes
 * through {@link #inTransaction}, which commits on success and rolls back on any exception.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DbClient client;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        JdbcConnectionPool pool = () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("No database connection: " + e.getMessage(), e);
            }
        };
        this.client = JdbcClientBuilder.create().connectionPool(pool).build();
    }

    /** Connects to PostgreSQL, failing fast with a clear message when it cannot be reached. */
    public static Database connect(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("lectern");
        // Helidon's DB Client binds UUIDs and some other types as strings; let PostgreSQL infer the real type.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(15_000);
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new DatabaseUnavailableException("Cannot connect to PostgreSQL at " + url + " as " + user + ": "
                    + root.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Statements outside a transaction (each auto-committed). */
    public DbExecute execute() {
        return client.execute();
    }

    /** Runs {@code work} in one transaction and returns its result. */
    public <T> T inTransaction(Function<DbTransaction, T> work) {
        DbTransaction tx = client.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        tx.commit();
        return result;
    }

    /** Runs {@code work}, which returns nothing, in one transaction. */
    public void doInTransaction(Consumer<DbTransaction> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** True when a trivial query answers; used by the readiness check. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        dataSource.close();
    }
}
