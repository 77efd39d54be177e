package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestInfra;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
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
 * A real video inside the app: uploaded and transcoded by the server, resumed from My learning, drawn by LibVLC
 * into the window (headless), with a screenshot of it playing.
 */
@ExtendWith(ApplicationExtension.class)
class VideoScreenTest {

    private static LecternServer server;

    @BeforeAll
    static void server() throws Exception {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        Http http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("film");
        String ada = studio.user("ada.screen@example.com", "Ada Screen", Role.INSTRUCTOR);
        Path dir = TestInfra.tempDir("lectern-video-");
        byte[] video = MediaFiles.read(MediaFiles.video(dir, 8, 640, 360));
        Tus tus = new Tus(http, server.baseUri());
        String media = tus.uploadReady(ada, "pattern.mp4", video, "VIDEO");
        java.util.List<Map<String, String>> tracks = new java.util.ArrayList<>();
        for (String[] t : new String[][] {{"en", "Lenses bend light"}, {"de", "Linsen brechen Licht"}}) {
            byte[] srt = ("1\n00:00:00,000 --> 00:00:08,000\n" + t[1] + "\n").getBytes(StandardCharsets.UTF_8);
            String sub = tus.createId(ada, "bars." + t[0] + ".srt", srt, "SUBTITLE");
            assertEquals(204, tus.patch(ada, sub, 0, srt, null).status());
            tracks.add(Map.of("language", t[0], "mediaId", sub));
        }
        String course = studio.course(ada, "title", "Test patterns", "category", "film", "description",
                "Colour bars, step by step.", "pricing", "FREE").path("id").asText();
        String section = studio.section(ada, course, "Bars").path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Colour bars", "type", "VIDEO", "durationSec", 8, "content",
                Map.of("mediaId", media, "subtitles", tracks)));
        studio.publish(ada, course);
        String leo = studio.user("leo.screen@example.com", "Leo Screen", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", leo).status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        AppWindow.show(stage, server.baseUri(), "leo.screen@example.com", "passphrase for Leo Screen");
    }

    /** The seek bar's preview tooltip, while it shows. */
    private static javafx.scene.control.Tooltip preview(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
                .map(w -> (javafx.scene.control.Tooltip) w).findFirst().orElse(null);
    }

    @Test
    void theVideoPlaysInsideTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#nav-learning");
        ListView<?> courses = robot.lookup("#learning-courses").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !courses.getItems().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> AppWindow.resume(robot) != null);
        robot.interact(() -> AppWindow.resume(robot).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".image-view").tryQuery()
                .map(n -> ((ImageView) n).getImage() != null).orElse(false));
        Thread.sleep(2500);
        ImageView view = robot.lookup(".image-view").queryAs(ImageView.class);
        assertTrue(view.getImage().getWidth() >= 320, "frames of the video's size");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> quality = robot.lookup("#video-quality").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> subtitles = robot.lookup("#video-subtitles").queryAs(ChoiceBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quality.getItems().size() == 2
                && subtitles.getItems().size() == 3);
        assertEquals(java.util.List.of("Auto", "360p"), quality.getItems(), "a 360p source is never upscaled");
        assertEquals(java.util.List.of("Off", "en", "de"), subtitles.getItems());
        robot.interact(() -> quality.setValue("360p"));
        robot.interact(() -> subtitles.setValue("de"));
        assertEquals("de", subtitles.getValue());
        Thread.sleep(1500);
        robot.clickOn("#video-note-text").write("Lenses bend light");
        robot.clickOn("#video-note-add");
        robot.clickOn("#video-bookmark");
        ListView<?> notes = robot.lookup("#video-notes").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notes.getItems().size() == 2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#video-markers").queryAs(
                javafx.scene.layout.Pane.class).getChildren().size() == 2);
        AppWindow.shot(robot, "8-video");
        robot.moveTo("#video-seek").moveBy(60, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preview(robot) != null
                && preview(robot).getGraphic() instanceof ImageView pic && pic.getImage() != null
                && pic.getImage().getProgress() >= 1 && !pic.getImage().isError());
        AppWindow.shot(preview(robot).getScene(), "8b-video-seek-preview");
    }
}
