package io.lectern.desktop.core.api;

import static io.lectern.desktop.core.i18n.Messages.tr;

import java.net.URI;

/** No answer from the server at all: wrong URL, server down or network gone. */
public final class ServerUnreachableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(URI server, Throwable cause) {
        super(tr("api.unreachable", String.valueOf(server)), cause);
    }
}
