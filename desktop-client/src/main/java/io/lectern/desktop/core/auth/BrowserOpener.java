package io.lectern.desktop.core.auth;

import java.io.IOException;
import java.net.URI;

/** Opens an address in the user's web browser; the app implements it with JavaFX's host services. */
@FunctionalInterface
public interface BrowserOpener {

    /** Opens {@code address}; throws when no browser could be started. */
    void open(URI address) throws IOException;
}
