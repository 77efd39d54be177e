package io.lectern.desktop.core.auth;

import static io.lectern.desktop.core.i18n.Messages.tr;

/** The session is over (signed out, or the server refused to refresh it): the user has to sign in again. */
public final class SessionEndedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SessionEndedException() {
        super(tr("auth.session.ended"));
    }
}
