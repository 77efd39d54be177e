package io.lectern.server.platform.db;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * Recognises the PostgreSQL errors a repository turns into answers (a unique key taken by a concurrent writer),
 * wherever in the cause chain Helidon's DB Client put them.
 */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String CHECK_VIOLATION = "23514";

    private SqlErrors() {
    }

    /** True when {@code t} was caused by a unique violation, of {@code constraint} when that is not null. */
    public static boolean isUniqueViolation(Throwable t, String constraint) {
        return sqlException(t).filter(e -> UNIQUE_VIOLATION.equals(e.getSQLState()))
                .map(e -> constraint == null || constraint.equals(constraintOf(e)))
                .orElse(false);
    }

    /** True when {@code t} was caused by the CHECK constraint {@code constraint} failing. */
    public static boolean isCheckViolation(Throwable t, String constraint) {
        return sqlException(t).filter(e -> CHECK_VIOLATION.equals(e.getSQLState()))
                .map(e -> constraint.equals(constraintOf(e)))
                .orElse(false);
    }

    public static boolean isForeignKeyViolation(Throwable t) {
        return sqlException(t).map(e -> FOREIGN_KEY_VIOLATION.equals(e.getSQLState())).orElse(false);
    }

    /**
     * True when {@code t} says PostgreSQL could not be reached or stopped answering: no connection from the pool, a
     * broken or timed-out connection (SQLState class 08), or a server shutting down or starting (57P01–57P03).
     */
    public static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DatabaseUnavailableException || c instanceof java.net.SocketTimeoutException
                    || c instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** A short, log-safe description of a database failure: the SQLState and exception type, no message. */
    public static String describe(Throwable t) {
        return sqlException(t).map(e -> "SQLState " + e.getSQLState()).orElse(t.getClass().getSimpleName());
    }

    private static String constraintOf(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getConstraint();
        }
        return null;
    }

    private static Optional<SQLException> sqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
