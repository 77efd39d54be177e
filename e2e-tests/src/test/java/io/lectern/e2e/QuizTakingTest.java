package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.learning.QuizClient;
import io.lectern.desktop.learner.QuizViewModel;
import io.lectern.model.identity.Role;
import io.lectern.model.learning.AttemptView;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The desktop's quiz view model against a real server: a timed attempt, answers saved as given, the result. */
class QuizTakingTest {

    @Test
    void takeATimedQuizAndSeeTheResult() throws Exception {
        try (LecternServer server = TestServer.start(TestServer.relaxedConfig(), routes -> { })) {
            Http http = new Http(server.baseUri());
            Studio studio = new Studio(server, http);
            studio.categories("geo");
            String ada = studio.user("ada.quizdesk@example.com", "Ada Quiz", Role.INSTRUCTOR);
            String course = studio.course(ada, "title", "Capitals", "category", "geo", "description",
                    "Cities of the world, step by step.").path("id").asText();
            String quiz = http.post("/api/v1/courses/" + course + "/quizzes", Studio.toJson(Map.of("title", "Europe",
                    "timeLimitSec", 120, "questions", List.of(
                            Map.of("type", "SINGLE", "prompt", "Capital of France", "options", List.of(
                                    Map.of("text", "Paris", "correct", true), Map.of("text", "Lyon", "correct", false))),
                            Map.of("type", "TRUE_FALSE", "prompt", "Berlin is in Germany", "correct", true)))), ada)
                    .json().path("id").asText();
            String section = studio.section(ada, course, "Quiz").path("id").asText();
            studio.lesson(ada, section, Map.of("title", "Europe", "type", "QUIZ", "preview", true, "content",
                    Map.of("quizId", quiz)));
            studio.publish(ada, course);
            String lea = studio.user("lea.quizdesk@example.com", "Lea Quiz", Role.STUDENT);
            http.post("/api/v1/courses/" + course + "/enroll", "{}", lea);

            ApiClient api = new ApiClient(server.baseUri());
            AuthClient auth = new AuthClient(api);
            Session session = new Session(auth, auth.login("lea.quizdesk@example.com", "passphrase for Lea Quiz", null));
            QuizViewModel vm = new QuizViewModel(new QuizClient(api, session), Runnable::run, Runnable::run);
            vm.start(UUID.fromString(quiz));
            AttemptView a = vm.attempt().get();
            assertEquals(2, a.questions().size(), vm.message().get());
            vm.tick(Instant.now());
            assertTrue(vm.timeLeft().get().matches("[12]:\\d\\d left"), vm.timeLeft().get());
            for (AttemptView.Question q : a.questions()) {
                if (q.type().equals("SINGLE")) {
                    String paris = q.options().stream().filter(o -> o.text().equals("Paris")).findFirst()
                            .orElseThrow().id();
                    vm.answer(q.id(), paris);
                } else {
                    vm.answer(q.id(), true);
                }
                assertEquals("Saved.", vm.message().get());
            }
            vm.submit();
            assertTrue(vm.finished().get());
            assertEquals("Passed — 2.0 of 2.0 points (100 %)", vm.result().get());
        }
    }
}
