package io.lectern.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds one demo course through the studio API, as an instructor would: cover, description, a welcome video with
 * subtitles (or a welcome text without ffmpeg), notes, a handout PDF, lessons per key point, a quiz, a project
 * with a rubric and a certificate design; then publishes it, so the server's own publish checks pass on it.
 */
final class DemoCourseBuilder {

    private static final Logger LOG = Logger.getLogger(DemoCourseBuilder.class.getName());

    /** A lesson of a built course: its id and type. */
    record Lesson(String id, String type) {
    }

    /**
     * What the demo learner's journey needs of a built course.
     *
     * @param courseId    id
     * @param lessons     lessons in syllabus order
     * @param quizId      the quiz of its quiz lesson
     * @param mediaIds    the media the learner will open (video and handout), to wait for their processing
     */
    record Built(String courseId, List<Lesson> lessons, String quizId, List<String> mediaIds) {
    }

    private final DemoApi api;
    private final DemoAssets assets;

    DemoCourseBuilder(DemoApi api, DemoAssets assets) {
        this.api = api;
        this.assets = assets;
    }

    Built build(DemoCatalog.Course c, String token, String instructorName) {
        List<Lesson> lessons = new ArrayList<>();
        List<String> media = new ArrayList<>();
        String courseId = api.post("/api/v1/courses", courseFields(c, token, instructorName), token).path("id").asText();

        String welcome = section(courseId, "Welcome", token);
        Optional<String> video = assets.video(c).map(bytes -> api.upload(token, c.slug() + "-welcome.mp4", "video/mp4",
                "VIDEO", bytes));
        if (video.isPresent()) {
            media.add(video.get());
            lessons.add(lesson(welcome, token, Map.of("title", "Welcome to " + c.title(), "type", "VIDEO", "preview",
                    true, "durationSec", DemoAssets.VIDEO_SECONDS, "content", Map.of("mediaId", video.get(),
                            "subtitles", List.of(subtitles(c, "en", token), subtitles(c, "de", token))))));
        } else {
            lessons.add(lesson(welcome, token, article("Welcome to " + c.title(), true, welcomeText(c, instructorName),
                    60)));
        }
        lessons.add(lesson(welcome, token, article("Course notes", true, notes(c), 180)));

        String core = section(courseId, "Core ideas", token);
        String handout = api.upload(token, c.slug() + "-handout.pdf", "application/pdf", "DOCUMENT",
                DemoAssets.handout(c, instructorName));
        media.add(handout);
        lessons.add(lesson(core, token, Map.of("title", "Handout", "type", "PDF", "durationSec", 600, "content",
                Map.of("mediaId", handout))));
        for (String point : c.points().subList(1, c.points().size())) {
            lessons.add(lesson(core, token, article(DemoAssets.capitalised(point), false, pointText(c, point), 300)));
        }

        String practice = section(courseId, "Check your understanding", token);
        String quizId = quiz(c, courseId, token);
        lessons.add(lesson(practice, token, Map.of("title", "Quiz", "type", "QUIZ", "durationSec", 300, "content",
                Map.of("quizId", quizId))));
        Lesson project = lesson(practice, token, Map.of("title", "Project", "type", "ASSIGNMENT", "durationSec", 1800,
                "content",
                Map.of("instructions", c.project() + "\n\nHand in your text, or a file, and say what you found hard.")));
        lessons.add(project);
        api.put("/api/v1/lessons/" + project.id() + "/assignment", assignment(), token);
        api.put("/api/v1/courses/" + courseId + "/certificate-template", Map.of("accent",
                DemoCatalog.COLOURS.get(c.category()), "wording", "has completed the course", "signerName",
                instructorName, "signerTitle", "Instructor"), token);
        api.post("/api/v1/courses/" + courseId + "/publish", null, token);
        return new Built(courseId, List.copyOf(lessons), quizId, List.copyOf(media));
    }

    private Map<String, Object> courseFields(DemoCatalog.Course c, String token, String instructorName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", c.title());
        fields.put("slug", c.slug());
        fields.put("subtitle", c.subtitle());
        fields.put("description", "## What you will learn\n\n" + String.join("\n", c.points().stream()
                .map(p -> "- " + DemoAssets.capitalised(p)).toList()) + "\n\n## Your project\n\n" + c.project()
                + "\n\nTaught by " + instructorName + ". Finish every lesson, pass the quiz and hand in the project"
                + " to earn a certificate.");
        fields.put("category", c.category());
        fields.put("tags", List.of(c.category()));
        fields.put("level", c.level().name());
        fields.put("language", "en");
        fields.put("pricing", c.priceMinor() == 0 ? "FREE" : "ONE_TIME");
        fields.put("priceMinor", c.priceMinor());
        fields.put("currency", "USD");
        cover(c, token).ifPresent(id -> fields.put("thumbnailMediaId", id));
        return fields;
    }

    /** A generated cover; none when this machine cannot draw (no font support in a stripped JDK). */
    private Optional<String> cover(DemoCatalog.Course c, String token) {
        byte[] png;
        try {
            png = DemoAssets.cover(c.title(), c.subtitle(), DemoCatalog.COLOURS.get(c.category()));
        } catch (RuntimeException | LinkageError e) {
            LOG.warning(() -> "The demo covers cannot be drawn here (" + e.getClass().getSimpleName()
                    + "); the courses get none.");
            return Optional.empty();
        }
        return Optional.of(api.upload(token, c.slug() + "-cover.png", "image/png", "IMAGE", png));
    }

    private Map<String, Object> subtitles(DemoCatalog.Course c, String language, String token) {
        String id = api.upload(token, c.slug() + "-welcome." + language + ".vtt", "text/vtt", "SUBTITLE",
                DemoAssets.subtitles(c, language));
        return Map.of("language", language, "mediaId", id);
    }

    private String quiz(DemoCatalog.Course c, String courseId, String token) {
        List<String> q = c.question();
        List<Map<String, Object>> options = List.of(Map.of("text", q.get(1), "correct", true),
                Map.of("text", q.get(2), "correct", false), Map.of("text", q.get(3), "correct", false));
        return api.post("/api/v1/courses/" + courseId + "/quizzes", Map.of("title", c.title() + ": check",
                "passingPercent", 50, "maxAttempts", 3, "shuffleOptions", true, "questions", List.of(
                        Map.of("type", "TRUE_FALSE", "prompt", c.statement(), "correct", c.statementTrue()),
                        Map.of("type", "SINGLE", "prompt", q.get(0), "options", options))), token)
                .path("id").asText();
    }

    private static Map<String, Object> assignment() {
        return Map.of("completesOn", "PASSED", "passingPercent", 50, "maxSubmissions", 3, "rubric", List.of(
                criterion("Does what was asked", "Not yet", "Partly", "Fully"),
                criterion("Clear explanation", "Hard to follow", "Mostly clear", "Clear")));
    }

    private static Map<String, Object> criterion(String title, String... levels) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            list.add(Map.of("title", levels[i], "points", i * 2));
        }
        return Map.of("title", title, "levels", list);
    }

    private String section(String courseId, String title, String token) {
        return api.post("/api/v1/courses/" + courseId + "/sections", Map.of("title", title), token).path("id").asText();
    }

    private Lesson lesson(String sectionId, String token, Map<String, Object> fields) {
        JsonNode l = api.post("/api/v1/sections/" + sectionId + "/lessons", fields, token);
        return new Lesson(l.path("id").asText(), l.path("type").asText());
    }

    private static Map<String, Object> article(String title, boolean preview, String body, int readingSeconds) {
        return Map.of("title", title, "type", "ARTICLE", "preview", preview, "durationSec", readingSeconds, "content",
                Map.of("body", body));
    }

    private static String welcomeText(DemoCatalog.Course c, String instructor) {
        return "# Welcome to " + c.title() + "\n\n" + c.subtitle() + ". I am " + instructor + ", and in this course "
                + "you will learn " + String.join(", ", c.points()) + ".";
    }

    private static String notes(DemoCatalog.Course c) {
        StringBuilder md = new StringBuilder("# Course notes\n\nKeep these beside you while you study.\n\n");
        int n = 1;
        for (String p : c.points()) {
            md.append(n++).append(". **").append(DemoAssets.capitalised(p)).append("** — what it is, when to use it, "
                    + "and one example you can try yourself.\n");
        }
        return md.append("\nWhen you have read the handout, take the quiz, then start the project.").toString();
    }

    private static String pointText(DemoCatalog.Course c, String point) {
        return "# " + DemoAssets.capitalised(point) + "\n\nThis lesson of *" + c.title() + "* is about " + point
                + ". Read it once quickly, then again slowly with the handout open.\n\n## Try it\n\n"
                + "Explain " + point + " to a friend in three sentences. If you get stuck, go back to the welcome "
                + "lesson and the notes.\n\n> Tip: the quiz at the end asks about this.";
    }
}
