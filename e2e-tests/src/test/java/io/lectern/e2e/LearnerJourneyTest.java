package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.LecternApp;
import io.lectern.desktop.core.settings.DesktopSettings;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.MediaFiles;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestInfra;
import io.lectern.server.testing.TestServer;
import io.lectern.server.testing.Tus;
import io.lectern.server.testing.Wallets;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
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
 * A learner's whole journey through the real app against a real server: sign in → search → a paid course is short
 * of funds → redeem a voucher in the wallet → enroll → download the course → watch the video (LibVLC) → the server
 * has the progress → the server goes down → watch the downloaded video and take the untimed quizzes offline → the
 * server comes back → the sync applies the work, and the attempt the server refuses is on the Sync screen with its
 * reason.
 */
@ExtendWith(ApplicationExtension.class)
class LearnerJourneyTest {

    private static LecternConfig config;
    private static LecternServer server;
    private static Http http;
    private static String voucher;
    private static String course;
    private static String onceQuiz;
    private static Path data;

    @BeforeAll
    static void server() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        config = TestServer.relaxedConfig().withPort(port);
        server = TestServer.start(config, routes -> { });
        http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("science");
        String ada = studio.user("ada.journey@example.com", "Ada Journey", Role.INSTRUCTOR);
        Path dir = TestInfra.tempDir("lectern-journey-");
        byte[] video = MediaFiles.read(MediaFiles.video(dir, 8, 640, 360));
        Tus tus = new Tus(http, server.baseUri());
        String media = tus.uploadReady(ada, "leaves.mp4", video, "VIDEO");
        course = studio.course(ada, "title", "Photosynthesis", "category", "science", "description",
                "How leaves turn light into sugar.", "pricing", "ONE_TIME", "priceMinor", 1500).path("id").asText();
        String section = studio.section(ada, course, "Light").path("id").asText();
        studio.lesson(ada, section, Map.of("title", "Chlorophyll", "type", "VIDEO", "durationSec", 8, "content",
                Map.of("mediaId", media)));
        String quiz = quiz(ada, Map.of("title", "Leaf check", "questions", List.of(Map.of("type", "TRUE_FALSE",
                "prompt", "Leaves need light", "correct", true))));
        onceQuiz = quiz(ada, Map.of("title", "One go", "maxAttempts", 1, "questions", List.of(Map.of("type",
                "TRUE_FALSE", "prompt", "Roots photosynthesise", "correct", false))));
        studio.lesson(ada, section, Map.of("title", "Leaf check", "type", "QUIZ", "content", Map.of("quizId", quiz)));
        studio.lesson(ada, section, Map.of("title", "One go", "type", "QUIZ", "content", Map.of("quizId", onceQuiz)));
        studio.publish(ada, course);
        studio.user("noor.journey@example.com", "Noor Journey", Role.STUDENT);
        Wallets wallets = new Wallets(http, studio.accounts());
        voucher = wallets.codes(wallets.batch(1, 2000)).getFirst();
        data = TestInfra.tempDir("lectern-journey-app-");
    }

    private static String quiz(String token, Map<String, Object> body) {
        Http.Response r = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(body), token);
        assertEquals(201, r.status(), r.raw().body());
        return r.json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        new LecternApp(new DesktopSettings(data.resolve("desktop.properties"), Map.of("LECTERN_DESKTOP_DATA",
                data.resolve("data").toString(), "LECTERN_SERVER_URL", server.baseUri().toString()))).start(stage);
    }

    @Test
    void signInBuyWatchGoOfflineComeBack(FxRobot robot) throws Exception {
        buyWithAVoucherAndReview(robot);
        robot.clickOn("#course-download");
        robot.clickOn("#nav-downloads");
        ListView<?> downloads = waitFor(robot, "#downloads-list", ListView.class);
        until(() -> downloads.getItems().size() == 3 && downloads.getItems().stream().allMatch(r ->
                ((io.lectern.desktop.learner.DownloadsViewModel.Row) r).status().startsWith("Ready offline")), 30);

        watchFromMyLearning(robot);
        String noor = Accounts.of(http).login("noor.journey@example.com", "passphrase for Noor Journey")
                .path("accessToken").asText();
        until(() -> watched(noor) > 0, 20);
        String attempt = http.post("/api/v1/quizzes/" + onceQuiz + "/attempts", "{}", noor).json().path("id").asText();
        assertEquals(200, http.post("/api/v1/attempts/" + attempt + "/submit", "{}", noor).status());

        server.close();
        offlineStudy(robot);
        server = TestServer.start(config, routes -> { });
        http = new Http(server.baseUri());
        robot.clickOn("#nav-sync");
        robot.clickOn("#sync-now");
        ListView<?> refusals = waitFor(robot, "#sync-refusals", ListView.class);
        until(() -> text(robot, "#sync-status").startsWith("Online") && refusals.getItems().size() == 1, 30);
        String said = io.lectern.desktop.learner.SyncStatusViewModel.describe((io.lectern.desktop.core.offline
                .OfflineStore.Refusal) refusals.getItems().getFirst());
        assertTrue(said.startsWith("A quiz attempt from ") && said.contains("attempts"), said);
        AppWindow.shot(robot, "23-journey-refused");
        String back = Accounts.of(http).login("noor.journey@example.com", "passphrase for Noor Journey")
                .path("accessToken").asText();
        JsonNode progress = http.get("/api/v1/courses/" + course + "/progress", back).json();
        assertEquals("COMPLETED", progress.path("lessons").get(1).path("state").asText(), "the quiz passed offline: "
                + progress);
    }

    /** Sign in, find the course, short of funds, redeem a voucher in the wallet, enroll, write a review. */
    private static void buyWithAVoucherAndReview(FxRobot robot) throws Exception {
        robot.clickOn("#email").write("noor.journey@example.com");
        robot.clickOn("#password").write("passphrase for Noor Journey");
        robot.clickOn("#submit");
        ListView<?> results = waitFor(robot, "#catalog-results", ListView.class);
        robot.clickOn("#catalog-search").write("photosynthesis");
        until(() -> results.getItems().size() == 1, 10);
        AppWindow.openFirstResult(robot, results);
        until(() -> text(robot, "#course-title").equals("Photosynthesis"), 10);
        until(() -> text(robot, "#course-wallet").equals("Your wallet: 0.00 USD"), 10);
        robot.clickOn("#course-enroll");
        until(() -> robot.lookup("#course-top-up").query().isVisible(), 10);
        robot.clickOn("#course-top-up");
        robot.clickOn("#wallet-code").write(voucher);
        robot.clickOn("#wallet-redeem");
        until(() -> text(robot, "#wallet-balance").startsWith("20.00"), 10);
        robot.clickOn("#nav-catalog");
        AppWindow.openFirstResult(robot, results);
        until(() -> robot.lookup("#course-enroll").queryButton().getText().equals("Enroll")
                && !robot.lookup("#course-enroll").queryButton().isDisabled(), 10);
        robot.clickOn("#course-enroll");
        until(() -> robot.lookup("#course-download").query().isVisible(), 10);
        robot.interact(() -> {
            robot.lookup("#review-text").queryAs(javafx.scene.control.TextField.class)
                    .setText("Clear and short; the quizzes help.");
            robot.lookup("#review-post").queryButton().fire(); // below the fold of the course page
        });
        ListView<?> reviews = waitFor(robot, "#course-reviews", ListView.class);
        until(() -> reviews.getItems().size() == 1, 10);
        assertTrue(String.valueOf(reviews.getItems().getFirst()).contains("Noor Journey"), reviews.getItems().toString());
        AppWindow.shot(robot, "20-journey-enrolled");
    }

    /** My learning → Resume: the video plays inside the window for a few seconds, then back. */
    private static void watchFromMyLearning(FxRobot robot) throws Exception {
        robot.clickOn("#nav-learning");
        until(() -> AppWindow.resume(robot) != null, 10);
        robot.interact(() -> AppWindow.resume(robot).fire());
        until(() -> robot.lookup(".image-view").queryAllAs(ImageView.class).stream().anyMatch(v -> v.getImage() != null
                && v.getImage().getWidth() >= 320), 30);
        Thread.sleep(3000);
        AppWindow.shot(robot, "21-journey-video");
        robot.clickOn("#nav-sync");
        robot.clickOn("#sync-now");
    }

    /** Without the server: the downloaded video plays, the untimed quizzes are taken, the status bar says offline. */
    private static void offlineStudy(FxRobot robot) throws Exception {
        robot.clickOn("#nav-downloads");
        openDownloaded(robot, 0);
        until(() -> robot.lookup(".image-view").queryAllAs(ImageView.class).stream().anyMatch(v -> v.getImage() != null
                && v.getImage().getWidth() >= 320), 30);
        Thread.sleep(2000);
        for (int row = 1; row <= 2; row++) {
            String choice = row == 1 ? "True" : "False";
            robot.clickOn("#nav-downloads");
            openDownloaded(robot, row);
            until(() -> text(robot, "#quiz-message").startsWith("Offline"), 10);
            RadioButton answer = robot.lookup(".radio-button").queryAllAs(RadioButton.class).stream()
                    .filter(r -> r.getText().equals(choice)).findFirst().orElseThrow();
            robot.clickOn(answer);
            robot.clickOn("#quiz-submit");
            until(() -> text(robot, "#quiz-result").startsWith("Submitted offline"), 10);
        }
        AppWindow.shot(robot, "22-journey-offline-quiz");
        robot.clickOn("#nav-sync");
        robot.clickOn("#sync-now");
        until(() -> text(robot, "#status-bar").startsWith("Offline"), 20);
    }

    private static void openDownloaded(FxRobot robot, int row) throws Exception {
        ListView<?> list = waitFor(robot, "#downloads-list", ListView.class);
        until(() -> list.getItems().size() == 3, 10);
        until(() -> robot.lookup("#downloads-list .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && "Open".equals(b.getText())).count() == 3, 10);
        List<Button> open = robot.lookup("#downloads-list .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && "Open".equals(b.getText()))
                .sorted(java.util.Comparator.comparingDouble(b -> b.localToScene(0, 0).getY())).toList();
        robot.interact(open.get(row)::fire);
    }

    private long watched(String token) {
        return http.get("/api/v1/courses/" + course + "/progress", token).json().path("lessons").get(0)
                .path("watchedPercent").asLong();
    }

    private static <T extends Node> T waitFor(FxRobot robot, String id, Class<T> type) throws Exception {
        until(() -> robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false), 15);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(type);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> n instanceof Label l ? l.getText() : "").orElse("");
    }

    private static void until(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
