package io.lectern.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The demo learner studies as a learner does, through the API: enrols, opens the welcome video and watches it,
 * reads, pages through the handout, passes the quiz and hands in the project, which the instructor grades and
 * releases; the server then completes the course and issues its certificate.
 */
final class DemoLearner {

    private static final Logger LOG = Logger.getLogger(DemoLearner.class.getName());
    private static final Duration PROCESSING = Duration.ofMinutes(3);

    private final DemoApi api;
    private final String token;

    DemoLearner(DemoApi api, String token) {
        this.api = api;
        this.token = token;
    }

    void enrol(String courseId) {
        api.post("/api/v1/courses/" + courseId + "/enroll", Map.of(), token);
    }

    /** Every lesson of the course, graded by {@code instructorToken}; false when its media never became ready. */
    boolean finish(DemoCatalog.Course c, DemoCourseBuilder.Built course, String instructorToken, String projectText) {
        if (!mediaReady(course, instructorToken)) {
            return false;
        }
        for (DemoCourseBuilder.Lesson lesson : course.lessons()) {
            switch (lesson.type()) {
                case "VIDEO" -> watch(course, lesson);
                case "PDF" -> api.put("/api/v1/lessons/" + lesson.id() + "/progress", Map.of("pagesViewed", List.of(1, 2)),
                        token);
                case "QUIZ" -> passQuiz(c, course.quizId());
                case "ASSIGNMENT" -> handIn(lesson, instructorToken, projectText);
                default -> api.post("/api/v1/lessons/" + lesson.id() + "/complete", null, token);
            }
        }
        return true;
    }

    /** The first lessons only: the welcome (video or text) and the notes, with a note of their own. */
    void start(DemoCourseBuilder.Built course, String note) {
        DemoCourseBuilder.Lesson first = course.lessons().get(0);
        if (first.type().equals("VIDEO")) {
            api.post("/api/v1/lessons/" + first.id() + "/notes", Map.of("positionSec", 4.0, "body", note), token);
        } else {
            api.post("/api/v1/lessons/" + first.id() + "/complete", null, token);
            api.post("/api/v1/lessons/" + first.id() + "/notes", Map.of("body", note), token);
        }
        api.post("/api/v1/lessons/" + course.lessons().get(1).id() + "/complete", null, token);
    }

    private boolean mediaReady(DemoCourseBuilder.Built course, String instructorToken) {
        for (String media : course.mediaIds()) {
            String status = api.await("/api/v1/media/" + media, instructorToken,
                    m -> !"PROCESSING".equals(m.path("status").asText()), PROCESSING).path("status").asText();
            if (!"READY".equals(status)) {
                LOG.warning(() -> "The demo learner's course was left unfinished: its media " + media + " is "
                        + status + ".");
                return false;
            }
        }
        return true;
    }

    /** Opens the video (its signed URLs) and reports what a player would: every second of it watched. */
    private void watch(DemoCourseBuilder.Built course, DemoCourseBuilder.Lesson lesson) {
        String media = course.mediaIds().get(0);
        api.get("/api/v1/media/" + media + "/playback", token);
        api.put("/api/v1/lessons/" + lesson.id() + "/progress", Map.of("positionSec", DemoAssets.VIDEO_SECONDS,
                "watchedRanges", List.of(List.of(0, DemoAssets.VIDEO_SECONDS))), token);
    }

    /** Answers each question by reading it as the learner sees it: the true statement, the right option. */
    private void passQuiz(DemoCatalog.Course c, String quizId) {
        JsonNode attempt = api.post("/api/v1/quizzes/" + quizId + "/attempts", null, token);
        Map<String, Object> answers = new HashMap<>();
        for (JsonNode q : attempt.path("questions")) {
            if (q.path("type").asText().equals("TRUE_FALSE")) {
                answers.put(q.path("id").asText(), c.statementTrue());
            } else {
                answer(q, c.question().get(1)).ifPresent(o -> answers.put(q.path("id").asText(), o));
            }
        }
        String id = attempt.path("id").asText();
        api.put("/api/v1/attempts/" + id + "/answers", Map.of("answers", answers), token);
        api.post("/api/v1/attempts/" + id + "/submit", null, token);
    }

    private static Optional<String> answer(JsonNode question, String text) {
        for (JsonNode o : question.path("options")) {
            if (o.path("text").asText().equals(text)) {
                return Optional.of(o.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /** Hands in the project; the instructor gives the top level of each criterion, with feedback, and releases. */
    private void handIn(DemoCourseBuilder.Lesson lesson, String instructorToken, String text) {
        String submission = api.post("/api/v1/assignments/" + lesson.id() + "/submissions", Map.of("text", text), token)
                .path("id").asText();
        JsonNode rubric = api.get("/api/v1/assignments/" + lesson.id(), instructorToken).path("rubric");
        Map<String, String> levels = new HashMap<>();
        for (JsonNode criterion : rubric.path("criteria")) {
            JsonNode top = criterion.path("levels").get(criterion.path("levels").size() - 1);
            levels.put(criterion.path("id").asText(), top.path("id").asText());
        }
        api.put("/api/v1/submissions/" + submission + "/grade", Map.of("rubric", levels, "feedback",
                "Clear, complete and well explained: well done.", "release", true), instructorToken);
    }
}
