package io.lectern.desktop;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.BrowserOpener;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.auth.SessionVault;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.i18n.Messages;
import io.lectern.desktop.core.settings.DesktopSettings;
import io.lectern.desktop.learner.LearnerShell;
import io.lectern.desktop.learner.SettingsView;
import io.lectern.desktop.shell.HomeViewModel;
import io.lectern.desktop.signin.AccountView;
import io.lectern.desktop.signin.AccountViewModel;
import io.lectern.desktop.signin.SignInView;
import io.lectern.desktop.signin.SignInViewModel;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The Lectern desktop app: starts on the sign-in screen, then shows the face that fits the user's role, and
 * returns to the sign-in screen when the user signs out or the session ends.
 */
public final class LecternApp extends Application {

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private AuthClient auth;
    private BrowserOpener browser;
    private Scene scene;
    private DesktopSettings settings;
    private SessionVault vault;

    public LecternApp() {
        this(null);
    }

    /** With given settings (server, data dir) instead of the current user's; the journey test uses this. */
    public LecternApp(DesktopSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(Stage stage) {
        if (settings == null) {
            settings = DesktopSettings.forCurrentUser();
        }
        Messages.use(settings.locale());
        if (!settings.language().isEmpty()) {
            Locale.setDefault(Messages.locale()); // JavaFX's own texts (menus, dialogs) follow the chosen language
        }
        SettingsView.apply(settings.theme());
        auth = new AuthClient(new ApiClient(settings.serverUrl()));
        browser = SignInView.browserOpener(getHostServices());
        scene = new Scene(new StackPane(new javafx.scene.control.Label(Messages.tr("app.signingIn"))), 1100, 720);
        vault = new SessionVault(settings.dataDir());
        restoreOrSignIn();
        stage.setTitle("Lectern");
        stage.setScene(scene);
        stage.show();
    }

    /** A session kept from last time is renewed in the background; otherwise (or if refused) the sign-in screen. */
    private void restoreOrSignIn() {
        var kept = vault.load();
        if (kept.isEmpty()) {
            showSignIn("", "");
            return;
        }
        background.execute(() -> {
            try {
                var fresh = auth.refresh(kept.get().refreshToken());
                Platform.runLater(() -> showHome(new Session(auth, fresh)));
            } catch (io.lectern.desktop.core.api.ApiError e) {
                vault.clear();
                Platform.runLater(() -> showSignIn(kept.get().user().email(), Messages.tr("app.sessionEnded")));
            } catch (io.lectern.desktop.core.api.ServerUnreachableException e) {
                Platform.runLater(() -> showSignIn(kept.get().user().email(), e.getMessage()));
            }
        });
    }

    private void showSignIn(String email, String message) {
        SignInViewModel signIn = new SignInViewModel(auth, browser, background, Platform::runLater);
        signIn.email().set(email);
        signIn.error().set(message);
        signIn.session().addListener((obs, old, tokens) -> {
            if (tokens != null) {
                showHome(new Session(auth, tokens));
            }
        });
        scene.setRoot(new SignInView(signIn).onAccount(this::showAccount).createView());
        signIn.start();
    }

    private void showAccount(AccountViewModel.Purpose purpose) {
        AccountViewModel account = new AccountViewModel(auth, purpose, background, Platform::runLater);
        account.session().addListener((obs, old, tokens) -> {
            if (tokens != null) {
                showHome(new Session(auth, tokens));
            }
        });
        scene.setRoot(new AccountView(account, () -> showSignIn("", "")).createView());
    }

    private void showHome(Session session) {
        String email = session.user().email();
        session.onExpired(() -> {
            vault.clear();
            Platform.runLater(() -> showSignIn(email, new SessionEndedException().getMessage()));
        });
        session.onRotated(vault::save);
        vault.save(session.tokens());
        HomeViewModel home = new HomeViewModel(session, background, Platform::runLater);
        home.signedOut().addListener((obs, was, out) -> {
            if (out) {
                showSignIn(email, "");
            }
        });
        OfflineStore store = OfflineStore.open(settings.dataDir().resolve("offline-" + session.user().id() + ".db"));
        home.signedOut().addListener((obs, was, out) -> {
            if (out) {
                vault.clear();
                store.close();
            }
        });
        scene.setRoot(new LearnerShell(home, auth.api(), session, store, settings, background, Platform::runLater)
                .createView());
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
