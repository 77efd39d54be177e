package io.lectern.desktop.core.auth;

/** The session is over (signed out, or the server refused to refresh it): the user has to sign in again. */
public final class SessionEndedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionEndedException() {
        super("Your session has ended. Sign in again to continue.");
    }
}
