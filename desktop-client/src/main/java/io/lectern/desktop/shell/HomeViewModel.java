package io.lectern.desktop.shell;

import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.model.identity.UserView;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** State and commands of the home screen: who is signed in, and signing out. */
public final class HomeViewModel {

    private final Session session;
    private final Executor background;
    private final Executor ui;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty signedOut = new SimpleBooleanProperty(false);

    public HomeViewModel(Session session, Executor background, Executor ui) {
        this.session = session;
        this.background = background;
        this.ui = ui;
    }

    public UserView user() {
        return session.user();
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Becomes true once the user signed out; the app then shows the sign-in screen. */
    public BooleanProperty signedOut() {
        return signedOut;
    }

    /** Ends the session on the server (in the background) and here; an unreachable server does not stop it. */
    public void signOut() {
        if (busy.get() || signedOut.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                session.logout();
            } catch (ServerUnreachableException | RuntimeException ignored) {
                // the tokens are forgotten here; the refresh token runs out on its own on the server
            }
            ui.execute(() -> {
                busy.set(false);
                signedOut.set(true);
            });
        });
    }
}
