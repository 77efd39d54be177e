package io.lectern.e2e;

import atlantafx.base.theme.PrimerLight;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.settings.DesktopSettings;
import io.lectern.desktop.learner.LearnerShell;
import io.lectern.desktop.shell.HomeViewModel;
import io.lectern.server.testing.TestInfra;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The learner app's window signed in against a test server, and what UI tests do with it (screenshots, Resume). */
final class AppWindow {

    private AppWindow() {
    }

    /** Signs in and shows the learner shell in {@code stage}, with a fresh offline store; its settings. */
    static DesktopSettings show(Stage stage, URI server, String email, String password) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ApiClient api = new ApiClient(server);
        AuthClient auth = new AuthClient(api);
        Session session = new Session(auth, auth.login(email, password, null));
        var background = Executors.newVirtualThreadPerTaskExecutor();
        HomeViewModel home = new HomeViewModel(session, background, Platform::runLater);
        OfflineStore store = OfflineStore.open(TestInfra.tempDir("lectern-desktop-").resolve("offline.db"));
        Path dir = TestInfra.tempDir("lectern-settings-");
        DesktopSettings settings = new DesktopSettings(dir.resolve("desktop.properties"), java.util.Map.of(
                "LECTERN_DESKTOP_DATA", dir.resolve("data").toString()));
        stage.setScene(new Scene(new LearnerShell(home, api, session, store, settings, background, Platform::runLater)
                .createView(), 1100, 720));
        stage.show();
        return settings;
    }

    /** The "Resume" button of the first course in My learning (a laid-out cell's, not a recycled one's). */
    static Button resume(FxRobot robot) {
        return robot.lookup("#learning-courses .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && b.isVisible() && "Resume".equals(b.getText())).findFirst()
                .orElse(null);
    }

    /** Opens the first course of the catalog's results, as a learner does with the keyboard (select, Enter). */
    static void openFirstResult(FxRobot robot, javafx.scene.control.ListView<?> results) {
        robot.interact(() -> {
            results.requestFocus();
            results.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Saves the window as target/screenshots/{name}.png. */
    static void shot(FxRobot robot, String name) throws Exception {
        shot(robot.window(0).getScene(), name);
    }

    /** Saves a scene (a window, or a popup such as a tooltip) as target/screenshots/{name}.png. */
    static void shot(javafx.scene.Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }
}
