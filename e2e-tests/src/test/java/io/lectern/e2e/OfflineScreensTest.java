package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
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
 * The learner downloads a course from its page, watches the Downloads screen fill, opens the PDF lesson from there
 * and turns its pages; screenshots in target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineScreensTest {

    private static LecternServer server;

    @BeforeAll
    static void server() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        Http http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("science");
        String ada = studio.user("ada.screens@example.com", "Ada Screens", Role.INSTRUCTOR);
        byte[] pdf = MediaFiles.pdf(3);
        Tus tus = new Tus(http, server.baseUri());
        String media = tus.uploadReady(ada, "optics-handout.pdf", pdf, "DOCUMENT");
        byte[] png = MediaFiles.png(640, 360);
        String picture = tus.uploadReady(ada, "optics.png", png, "IMAGE");
        String course = studio.course(ada, "title", "Optics to go", "category", "science", "description",
                "Lenses and mirrors, for the train.", "thumbnailMediaId", picture, "level", "BEGINNER")
                .path("id").asText();
        studio.publishedCourse(ada, "Acoustics", "science", 1, "level", "ADVANCED");
        String section = studio.section(ada, course, "Basics").path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Handout", "type", "PDF", "content", Map.of("mediaId", media)));
        studio.article(ada, section, "Mirrors", """
                ## How a mirror works

                A mirror **reflects** light: the angle in equals the *angle out*.

                1. Light arrives
                2. It bounces at the same angle

                - flat mirrors keep the size
                - curved mirrors `focus` it

                > Look twice, measure once.
                """, false);
        studio.publish(ada, course);
        String sam = studio.user("sam.offline@example.com", "Sam Offline", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", sam).status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        AppWindow.show(stage, server.baseUri(), "sam.offline@example.com", "passphrase for Sam Offline");
    }

    @Test
    void downloadACourseAndReadItsPdf(FxRobot robot) throws Exception {
        ListView<?> results = robot.lookup("#catalog-results").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.getItems().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#facet-level-BEGINNER").tryQuery()
                .isPresent() || robot.lookup("#facet-level-beginner").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#catalog-results .image-view")
                .queryAllAs(ImageView.class).stream().anyMatch(v -> v.getImage() != null
                        && v.getImage().getProgress() >= 1));
        AppWindow.shot(robot, "1b-catalog-facets");
        javafx.scene.control.ToggleButton beginner = robot.lookup("#catalog-facets .toggle-button")
                .queryAllAs(javafx.scene.control.ToggleButton.class).stream()
                .filter(b -> b.getText().startsWith("Beginner")).findFirst().orElseThrow();
        robot.interact(beginner::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        AppWindow.openFirstResult(robot, results);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#course-download").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#course-download");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#course-message").queryAs(Label.class)
                .getText().equals("2 lessons are downloading; see Downloads."));
        robot.clickOn("#nav-downloads");
        ListView<?> rows = robot.lookup("#downloads-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows.getItems().size() == 2 && rows.getItems().stream()
                .allMatch(r -> ((io.lectern.desktop.learner.DownloadsViewModel.Row) r).status()
                        .startsWith("Ready offline")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#downloads-usage").queryAs(Label.class)
                .getText().endsWith("of 10.0 GB used") && !robot.lookup("#downloads-usage").queryAs(Label.class)
                .getText().startsWith("0 KB"));
        AppWindow.shot(robot, "10-downloads");
        Button open = robot.lookup("#downloads-list .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && "Open".equals(b.getText())).findFirst().orElseThrow();
        robot.interact(open::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#pdf-image").tryQuery()
                .map(n -> ((ImageView) n).getImage() != null).orElse(false));
        robot.clickOn("#pdf-next");
        robot.clickOn("#pdf-zoom-in");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#pdf-zoom").queryAs(Label.class).getText()
                .equals("125 %"));
        assertEquals("2", robot.lookup("#pdf-page").queryAs(javafx.scene.control.TextField.class).getText());
        AppWindow.shot(robot, "11-pdf-lesson");
        assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().equals("Handout"));
        robot.clickOn("#nav-downloads");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#downloads-list .button")
                .queryAllAs(Button.class).stream().filter(b -> b.getScene() != null && "Open".equals(b.getText()))
                .count() == 2);
        Button article = robot.lookup("#downloads-list .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && "Open".equals(b.getText()))
                .max(java.util.Comparator.comparingDouble(b -> b.localToScene(0, 0).getY())).orElseThrow();
        robot.interact(article::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lesson-article").tryQuery().isPresent());
        AppWindow.shot(robot, "11b-article-lesson");
    }
}
