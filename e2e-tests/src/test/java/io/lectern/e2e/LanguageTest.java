package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.desktop.core.i18n.Messages;
import io.lectern.desktop.core.settings.DesktopSettings;
import io.lectern.desktop.learner.SettingsViewModel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The language setting: chosen in Settings, the whole app speaks it at once and from then on. */
@ExtendWith(ApplicationExtension.class)
class LanguageTest {

    private static LecternServer server;
    private DesktopSettings settings;

    @BeforeAll
    static void server() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        Http http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("art");
        String ada = studio.user("ada.language@example.com", "Ada Language", Role.INSTRUCTOR);
        studio.publishedCourse(ada, "Watercolour basics", "art", 2);
        studio.user("lea.language@example.com", "Lea Language", Role.STUDENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) throws Exception {
        settings = AppWindow.show(stage, server.baseUri(), "lea.language@example.com", "passphrase for Lea Language");
    }

    @Test
    void choosingALanguageRelabelsTheAppAtOnceAndIsKept(FxRobot robot) throws Exception {
        ListView<?> results = robot.lookup("#catalog-results").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());
        assertEquals("Catalog", robot.lookup("#nav-catalog").queryAs(ToggleButton.class).getText());

        choose(robot, "de");
        assertEquals("Gespeichert.", robot.lookup("#settings-message").queryAs(Label.class).getText());
        assertEquals("Einstellungen", robot.lookup("#nav-settings").queryAs(ToggleButton.class).getText());
        assertEquals("Katalog", robot.lookup("#nav-catalog").queryAs(ToggleButton.class).getText());
        assertEquals("Meine Kurse", robot.lookup("#nav-learning").queryAs(ToggleButton.class).getText());
        AppWindow.shot(robot, "language-1-settings-de");
        robot.clickOn("#nav-catalog");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#catalog-results")
                .queryAs(ListView.class).getItems().isEmpty());
        assertEquals("Kurse, Themen oder Lehrende suchen", robot.lookup("#catalog-search").queryAs(TextField.class)
                .getPromptText());
        AppWindow.shot(robot, "language-2-catalog-de");
        assertEquals(Locale.GERMAN, new DesktopSettings(settingsFile(), Map.of()).locale(), "kept for the next start");

        choose(robot, "es");
        assertEquals("Catálogo", robot.lookup("#nav-catalog").queryAs(ToggleButton.class).getText());
        assertEquals("Guardado.", robot.lookup("#settings-message").queryAs(Label.class).getText());

        choose(robot, "en");
        assertEquals("Catalog", robot.lookup("#nav-catalog").queryAs(ToggleButton.class).getText());
        assertEquals("Saved.", robot.lookup("#settings-message").queryAs(Label.class).getText());
    }

    /** Opens Settings, picks a language by its tag and saves. */
    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String tag) {
        robot.clickOn("#nav-settings");
        ChoiceBox<SettingsViewModel.Language> choice = robot.lookup("#settings-language").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.getItems().stream().filter(l -> l.tag().equals(tag)).findFirst()
                .ifPresent(choice::setValue));
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private java.nio.file.Path settingsFile() {
        return settings.dataDir().getParent().resolve("desktop.properties");
    }
}
