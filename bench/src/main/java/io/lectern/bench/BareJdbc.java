package io.lectern.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lectern.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The baseline: the very statements the server ran for a request, executed bare over JDBC on a pool like the
 * server's, binding parameters as Helidon's DB Client does and reading every column of every row.
 */
final class BareJdbc implements AutoCloseable {

    private final HikariDataSource pool;

    BareJdbc(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.addDataSourceProperty("stringtype", "unspecified");
        this.pool = new HikariDataSource(config);
    }

    /** Runs the statements of one request on one connection, auto-commit, like the server does. */
    boolean run(List<Sql> statements) throws SQLException {
        try (Connection c = pool.getConnection()) {
            for (Sql sql : statements) {
                try (PreparedStatement ps = c.prepareStatement(sql.text())) {
                    Object[] params = sql.params();
                    for (int i = 0; i < params.length; i++) {
                        bind(ps, i + 1, params[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                rs.getObject(col);
                            }
                        }
                    }
                }
            }
        }
        return true;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setObject(index, null);
            case String s -> ps.setString(index, s);
            case UUID u -> ps.setString(index, u.toString());
            case Integer i -> ps.setInt(index, i);
            case Long l -> ps.setLong(index, l);
            case Double d -> ps.setDouble(index, d);
            case Boolean b -> ps.setBoolean(index, b);
            default -> ps.setObject(index, value);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
