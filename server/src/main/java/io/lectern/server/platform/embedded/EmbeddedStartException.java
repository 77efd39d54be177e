package io.lectern.server.platform.embedded;

/** An embedded database or cache could not be started; the message says why in one line. */
public final class EmbeddedStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedStartException(String message) {
        super(message);
    }

    public EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
