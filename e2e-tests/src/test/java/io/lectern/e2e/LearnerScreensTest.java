package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.demo.DemoSeed;
import io.lectern.server.identity.NewAccount;
import io.lectern.server.testing.TestServer;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The learner app's screens against a real server with the demo catalog, driven like a learner would (search,
 * open a course, try to enroll, open the wallet), with a screenshot of each screen in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class LearnerScreensTest {

    private static LecternServer server;

    @BeforeAll
    static void server() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        new DemoSeed(server.modules().identity(), server.modules().catalog(), server.baseUri(), "ffmpeg").seedIfEmpty()
                .orElseThrow();
        server.modules().identity().createAccount(new NewAccount("sam.screens@example.com", "Sam Screens", Role.STUDENT,
                "screens passphrase"));
        io.lectern.server.testing.Http http = new io.lectern.server.testing.Http(server.baseUri());
        String sam = io.lectern.server.testing.Accounts.of(http).login("sam.screens@example.com", "screens passphrase")
                .path("accessToken").asText();
        String free = http.get("/api/v1/courses?price=free&limit=1").json().path("items").get(0).path("id").asText();
        assertEquals(201, http.post("/api/v1/courses/" + free + "/enroll", "{}", sam).status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        AppWindow.show(stage, server.baseUri(), "sam.screens@example.com", "screens passphrase");
    }

    @Test
    void searchOpenACourseAndTheWallet(FxRobot robot) throws Exception {
        ListView<?> results = robot.lookup("#catalog-results").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());
        AppWindow.shot(robot, "1-catalog");
        int all = results.getItems().size();
        robot.clickOn("#catalog-search").write("musik theory");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.getItems().size() < all
                && !results.getItems().isEmpty());
        AppWindow.shot(robot, "2-search");
        AppWindow.openFirstResult(robot, results);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#course-title").tryQuery().isPresent()
                && !robot.lookup("#course-title").queryAs(Label.class).getText().isEmpty());
        AppWindow.shot(robot, "3-course");
        robot.clickOn("#nav-wallet");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wallet-balance").queryAs(Label.class)
                .getText().endsWith("USD"));
        robot.clickOn("#wallet-code").write("HT0N-Z367-480F-DW5Q-B");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("This code has a typo; check it against the card.",
                robot.lookup("#wallet-code-problem").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#wallet-redeem").queryButton().isDisabled());
        AppWindow.shot(robot, "4-wallet");
        robot.clickOn("#nav-sync");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sync-status").queryAs(Label.class)
                .getText().startsWith("Online"));
        AppWindow.shot(robot, "5-sync");
        robot.clickOn("#nav-learning");
        ListView<?> courses = robot.lookup("#learning-courses").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !courses.getItems().isEmpty());
        AppWindow.shot(robot, "6-my-learning");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> AppWindow.resume(robot) != null);
        robot.interact(() -> AppWindow.resume(robot).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#lesson-title").queryAs(Label.class)
                .getText().isEmpty());
        ListView<?> outline = robot.lookup("#lesson-outline").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !outline.getItems().isEmpty());
        assertEquals(1, outline.getItems().stream().filter(r -> ((io.lectern.desktop.learner.OutlineViewModel.Row) r)
                .mark() == io.lectern.desktop.learner.OutlineViewModel.Mark.CURRENT).count(), "the lesson open now");
        if (robot.lookup("#lesson-done").query().isVisible()) {
            robot.clickOn("#lesson-done");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lesson-message").queryAs(Label.class)
                    .getText().equals("Marked as done."));
        }
        AppWindow.shot(robot, "7-lesson");
        nextGoesOnInTheSyllabus(robot, outline);
        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-server").queryAs(javafx.scene.control.TextField.class)
                .setText("ftp://nowhere"));
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The server address must start with http:// or https://.",
                robot.lookup("#settings-message").queryAs(Label.class).getText());
        AppWindow.shot(robot, "9-settings");
    }

    /** Next opens the lesson after this one in the syllabus, done or not (not the server's resume point). */
    private static void nextGoesOnInTheSyllabus(FxRobot robot, ListView<?> outline) throws Exception {
        int at = outline.getItems().indexOf(outline.getItems().stream().filter(r -> ((io.lectern.desktop.learner
                .OutlineViewModel.Row) r).mark() == io.lectern.desktop.learner.OutlineViewModel.Mark.CURRENT)
                .findFirst().orElseThrow());
        for (int step = 1; step <= 2; step++) {
            String following = ((io.lectern.desktop.learner.OutlineViewModel.Row) outline.getItems().get(at + step))
                    .title();
            robot.clickOn("#lesson-next");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> following.equals(robot.lookup("#lesson-title")
                    .queryAs(Label.class).getText()));
        }
    }
}
