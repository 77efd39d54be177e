package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.learning.AssignmentClient;
import io.lectern.desktop.core.upload.Uploader;
import io.lectern.desktop.learner.AssignmentPane;
import io.lectern.desktop.learner.AssignmentViewModel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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
 * The assignment screen against a real server: a 2.5 MB file uploaded in resumable chunks with its bar filling, a
 * file that is not what its name says refused with the server's reason, a written answer submitted, and the grade
 * and feedback shown once the instructor releases them.
 */
@ExtendWith(ApplicationExtension.class)
class AssignmentScreenTest {

    private static LecternServer server;
    private static Http http;
    private static String ada;
    private static String lesson;
    private AssignmentViewModel model;

    @BeforeAll
    static void server() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        http = new Http(server.baseUri());
        Studio studio = new Studio(server, http);
        studio.categories("writing");
        ada = studio.user("ada.assign@example.com", "Ada Assign", Role.INSTRUCTOR);
        String course = studio.course(ada, "title", "River essays", "category", "writing", "description",
                "Plan, draft and revise.").path("id").asText();
        String section = studio.section(ada, course, "Essays").path("id").asText();
        lesson = studio.lesson(ada, section, Map.of("title", "Your first essay", "type", "ASSIGNMENT", "content",
                Map.of("instructions", "Write **500 words** on rivers; attach your notes."))).path("id").asText();
        assertEquals(200, http.call("PUT", "/api/v1/lessons/" + lesson + "/assignment", Studio.toJson(Map.of(
                "dueLocal", "2099-12-05T23:59", "timeZone", "Europe/Berlin", "latePolicy", "PENALTY",
                "latePenaltyPercent", 10, "maxSubmissions", 2, "completesOn", "SUBMITTED", "rubric", List.of(Map.of(
                "title", "Argument", "levels", List.of(Map.of("title", "Weak", "points", 1), Map.of("title",
                "Strong", "points", 6)))))), ada).status());
        studio.publish(ada, course);
        String kim = studio.user("kim.assign@example.com", "Kim Assign", Role.STUDENT);
        assertEquals(201, http.post("/api/v1/courses/" + course + "/enroll", "{}", kim).status());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ApiClient api = new ApiClient(server.baseUri());
        AuthClient auth = new AuthClient(api);
        Session session = new Session(auth, auth.login("kim.assign@example.com", "passphrase for Kim Assign", null));
        model = new AssignmentViewModel(new AssignmentClient(api, session), new Uploader(api, session),
                Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
        StackPane root = new StackPane(new AssignmentPane(model).createView());
        root.setPadding(new Insets(24));
        stage.setScene(new Scene(root, 900, 620));
        stage.show();
        model.load(UUID.fromString(lesson), "Write 500 words on rivers; attach your notes.");
    }

    @Test
    void uploadSubmitAndSeeTheReleasedGrade(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.due().get().startsWith("Due 2099-12-05 23:59"));
        assertTrue(model.due().get().contains("late work loses 10 %"), model.due().get());
        Path notes = temp.resolve("river-notes.txt");
        Files.writeString(notes, "Rivers carry water to the sea. ".repeat(80_000), StandardCharsets.UTF_8);
        Path fake = temp.resolve("essay.pdf");
        byte[] program = new byte[4096];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, program, 0, 7);
        Files.write(fake, program); // a program named like a PDF
        robot.interact(() -> model.attach(notes));
        robot.interact(() -> model.attach(fake));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.attachments().size() == 2
                && model.attachments().get(0).ready() && model.attachments().get(1).status().get()
                .startsWith("Not attached"));
        String refused = model.attachments().get(1).status().get();
        assertTrue(refused.length() > "Not attached: ".length() + 10, refused);
        robot.clickOn("#assignment-answer").write("Rivers shape valleys over millennia.");
        AppWindow.shot(robot, "12-assignment-attached");
        robot.interact(() -> model.remove(model.attachments().get(1)));
        robot.clickOn("#assignment-submit");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.message().get().startsWith("Submitted")
                && model.history().size() == 1);
        assertEquals("Submission 1: waiting for a grade", model.history().getFirst());

        gradeAndRelease("Clear and well argued.");
        robot.interact(() -> model.load(UUID.fromString(lesson)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.history().getFirst().contains("graded"));
        assertEquals("Submission 1: graded 6 of 6 \u2014 \u201cClear and well argued.\u201d", model.history().getFirst());
        assertEquals("Write 500 words on rivers; attach your notes.", model.instructions().get());
        AppWindow.shot(robot, "13-assignment-graded");
    }

    /** The instructor grades the submission by the rubric and releases the grade, through the API. */
    private static void gradeAndRelease(String feedback) {
        String course = http.get("/api/v1/assignments/" + lesson, ada).json().path("courseId").asText();
        String id = http.get("/api/v1/instructor/courses/" + course + "/submissions", ada).json().path("items").get(0)
                .path("id").asText();
        Http.Response graded = http.call("PUT", "/api/v1/submissions/" + id + "/grade", Studio.toJson(Map.of("rubric",
                Map.of("c1", "c1l2"), "feedback", feedback, "release", true)), ada);
        assertEquals(200, graded.status(), graded.raw().body());
    }
}
