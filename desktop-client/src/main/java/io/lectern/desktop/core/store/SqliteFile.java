package io.lectern.desktop.core.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small SQLite database of the learner's in their data directory (the offline store, the download index):
 * readable by its owner alone, WAL journal, its tables made on opening, statements with their parameters bound in
 * order, and JSON columns written and read with one mapper. Callers synchronise; errors name the database.
 */
public final class SqliteFile implements AutoCloseable {

    /** Takes one row of a result. */
    @FunctionalInterface
    public interface Row {
        void take(ResultSet rs) throws SQLException;
    }

    private final Connection db;
    private final String name;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private SqliteFile(Connection db, String name) {
        this.db = db;
        this.name = name;
    }

    /**
     * Opens (or makes) {@code file} and runs {@code schema}'s statements ({@code CREATE TABLE IF NOT EXISTS ...}).
     *
     * @param name what it is, for messages: "download index"
     */
    public static SqliteFile open(Path file, String name, String... schema) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                for (String statement : schema) {
                    s.execute(statement);
                }
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // the learner's alone
            } catch (IOException | UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return new SqliteFile(c, name);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The " + name + " " + file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    public void update(String sql, Object... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The " + name + " cannot be written: " + e.getMessage(), e);
        }
    }

    public void query(String sql, Row row, Object... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.take(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work}'s statements as one transaction. */
    public void inTransaction(Runnable work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The " + name + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** A value as the JSON kept in a column. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON column's value. */
    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("The " + name + " holds a damaged record: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
