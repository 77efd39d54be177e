package io.lectern.server.demo;

import java.util.List;
import java.util.Map;

/** Learners who enrolled review the free courses; an instructor answers one review. */
final class DemoReviews {

    /**
     * One review.
     *
     * @param email  the reviewer's account
     * @param course course slug
     * @param rating 1 to 5
     * @param body   text
     * @param reply  the instructor's answer, or null
     */
    private record Review(String email, String course, int rating, String body, String reply) {
    }

    private static final List<Review> REVIEWS = List.of(
            new Review("sam.rivera@lectern.local", "java-from-zero", 5,
                    "Clear from the very first lesson, and the word-count project made everything click.", null),
            new Review("mia.chen@lectern.local", "java-from-zero", 4,
                    "Good pace and friendly. I would like a few more exercises on collections.",
                    "Thank you, Mia! More exercises on collections are coming in the next update."),
            new Review("noah.patel@lectern.local", "java-from-zero", 5,
                    "Finally understood records. The quiz is short but fair.", null),
            new Review("mia.chen@lectern.local", "ui-design-basics", 5,
                    "The lesson on contrast changed how I build screens.", null),
            new Review("noah.patel@lectern.local", "ui-design-basics", 4,
                    "Practical and short; redesigning a real screen is a great project.", null),
            new Review("learner@lectern.local", DemoSeed.FINISHED, 5,
                    "Finished it before my trip and ordered dinner in Spanish on the first night!", null),
            new Review("sam.rivera@lectern.local", DemoSeed.FINISHED, 4,
                    "Short and useful. The restaurant dialogue was fun to write.", null));

    private final DemoApi api;
    private final Map<String, String> tokens;

    DemoReviews(DemoApi api, Map<String, String> tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    void write(Map<String, DemoCourseBuilder.Built> courses) {
        for (Review r : REVIEWS) {
            String token = tokens.get(r.email());
            String courseId = courses.get(r.course()).courseId();
            if (!r.email().equals("learner@lectern.local")) {
                api.post("/api/v1/courses/" + courseId + "/enroll", Map.of(), token);
            }
            String id = api.post("/api/v1/courses/" + courseId + "/reviews", Map.of("rating", r.rating(), "body",
                    r.body()), token).path("id").asText();
            if (r.reply() != null) {
                api.put("/api/v1/reviews/" + id + "/reply", Map.of("body", r.reply()),
                        tokens.get(DemoSeed.instructorEmail(DemoSeed.course(r.course()))));
            }
        }
    }
}
