package io.lectern.desktop;

import atlantafx.base.theme.PrimerLight;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.settings.DesktopSettings;
import io.lectern.desktop.shell.HomeView;
import io.lectern.desktop.signin.SignInView;
import io.lectern.desktop.signin.SignInViewModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Lectern desktop app: starts on the sign-in screen, then shows the face that fits the user's role. */
public final class LecternApp extends Application {

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DesktopSettings settings = DesktopSettings.forCurrentUser();
        AuthClient auth = new AuthClient(new ApiClient(settings.serverUrl()));
        SignInViewModel signIn = new SignInViewModel(auth, background, Platform::runLater);
        Scene scene = new Scene(new SignInView(signIn).createView(), 960, 640);
        signIn.session().addListener((obs, old, session) -> {
            if (session != null) {
                scene.setRoot(new HomeView(session).createView());
            }
        });
        stage.setTitle("Lectern");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
