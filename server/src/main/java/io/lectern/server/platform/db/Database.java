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

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Database.class.getName());
    /** Per thread: the transactions open, and whether they hold a connection yet. */
    private static final ThreadLocal<Nesting> NESTING = ThreadLocal.withInitial(Nesting::new);

    private static final class Nesting {
        private int depth;
        private boolean taken;
    }

    /** Longest wait for PostgreSQL's answer to one statement before the connection counts as broken. */
    static final int SOCKET_TIMEOUT_SECONDS = 10;

    private final HikariDataSource dataSource;
    private final DbClient client;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        JdbcConnectionPool pool = () -> {
            nestingCheck();
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
        // Bounded waits: a request fails with 503 within seconds when PostgreSQL is down or frozen, never hangs.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(2_000);
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
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

    /**
     * Runs {@code work} in one transaction and returns its result. The work must not take a second connection (a
     * query outside the transaction, or another transaction): with every pooled connection held by work waiting
     * for a second one, the pool would stall. See {@link #nestingCheck()}.
     */
    public <T> T inTransaction(Function<DbTransaction, T> work) {
        Nesting state = NESTING.get();
        state.depth++;
        try {
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
        } finally {
            if (--state.depth == 0) {
                state.taken = false;
            }
        }
    }

    /**
     * Refuses (with {@code lectern.db.strict-nesting}, as the tests run) or logs a second connection taken by the
     * thread of an open transaction that already holds one: under load, every connection can end up held by work
     * waiting for another.
     */
    private static void nestingCheck() {
        Nesting state = NESTING.get();
        if (state.depth == 0) {
            return;
        }
        if (!state.taken) {
            state.taken = true; // the open transaction's own connection
            return;
        }
        IllegalStateException nested = new IllegalStateException("a second database connection was asked for "
                + "inside a transaction; do this work before or after the transaction, or with its DbExecute");
        if (Boolean.getBoolean("lectern.db.strict-nesting")) {
            throw nested;
        }
        LOG.log(java.util.logging.Level.WARNING, nested.getMessage(), nested);
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
