package io.lectern.desktop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.model.identity.OidcProvider;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SignInViewTest {

    private SignInViewModel model;

    @Start
    void start(Stage stage) {
        AuthClient auth = new AuthClient(new ApiClient(URI.create("http://127.0.0.1:1")));
        model = new SignInViewModel(auth, address -> { }, Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
        stage.setScene(new Scene(new SignInView(model).createView(), 800, 600));
        stage.show();
    }

    @Test
    void signingInAgainstADownServerShowsWhatToDo(FxRobot robot) throws Exception {
        Button submit = robot.lookup("#submit").queryButton();
        assertTrue(submit.isDisabled(), "nothing to submit yet");
        robot.interact(() -> {
            robot.lookup("#email").queryAs(TextField.class).setText("ann@example.com");
            robot.lookup("#password").queryAs(TextField.class).setText("secret-password");
        });
        assertFalse(submit.isDisabled());
        robot.clickOn("#submit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error").queryAs(Label.class).isVisible());
        String error = robot.lookup("#error").queryAs(Label.class).getText();
        assertTrue(error.startsWith("Cannot reach the Lectern server at http://127.0.0.1:1"), error);
    }

    @Test
    void emailCodeModeHidesThePassword(FxRobot robot) {
        robot.clickOn("Email code");
        assertFalse(robot.lookup("#password").query().isVisible());
        assertTrue(robot.lookup("#submit").queryButton().getText().contains("Email me a code"));
    }

    @Test
    void providerButtonsShowOnlyWhenTheServerOffersProviders(FxRobot robot) {
        assertFalse(robot.lookup("#providers").query().isVisible(), "no providers, no buttons");
        robot.interact(() -> model.providers().setAll(new OidcProvider("google", "Google",
                "https://accounts.example.com/auth", "client", "openid email")));
        Button google = robot.lookup("#provider-google").queryButton();
        assertTrue(google.isVisible());
        assertEquals("Sign in with Google", google.getText());
        assertFalse(robot.lookup("#cancel-browser").query().isVisible(), "Cancel only shows while waiting");
    }
}
