package io.lectern.desktop.core.api;

import java.net.URI;

/** No answer from the server at all: wrong URL, server down or network gone. */
public final class ServerUnreachableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(URI server, Throwable cause) {
        super("Cannot reach the Lectern server at " + server + ". Check that it is running and the server URL "
                + "in Settings is right.", cause);
    }
}
