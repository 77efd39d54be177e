package io.lectern.server.platform.db;

/** PostgreSQL cannot be reached or refused the connection. */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
