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
