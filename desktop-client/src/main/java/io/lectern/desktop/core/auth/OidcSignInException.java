package io.lectern.desktop.core.auth;

/** Signing in through the browser did not finish; the message says why and what to do next. */
public final class OidcSignInException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean cancelled;

    public OidcSignInException(String message, boolean cancelled) {
        super(message);
        this.cancelled = cancelled;
    }

    /** True when the user cancelled in the app: nothing went wrong, so there is nothing to show. */
    public boolean cancelled() {
        return cancelled;
    }
}
