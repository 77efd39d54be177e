package io.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.identity.NewAccount;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The offline sync benchmark: a learner comes back online with 10,000 queued events (heartbeats over 40 videos,
 * completions, note edits; shuffled) and sends them in one {@code POST /api/v1/sync} to the server process; the
 * time to the answer is measured for several learners, then a replay of the same batch (all duplicates).
 */
final class SyncBench {

    private static final int EVENTS = 10_000;
    private static final int LEARNERS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Path dir;
    private final Path jar;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SyncBench(PrintStream out, Path dir, Path jar) {
        this.out = out;
        this.dir = dir;
        this.jar = jar;
    }

    boolean run() throws Exception {
        try (BenchEnv env = BenchEnv.start(dir)) {
            List<String> lessons;
            String course;
            try (LecternServer s = env.inProcess()) {
                s.modules().catalog().ensureCategories(Map.of("science", "Science"));
                var teacher = s.modules().identity().createAccount(new NewAccount("sync.teacher@bench.local",
                        "Sync Teacher", Role.INSTRUCTOR, "bench teacher password"));
                List<CourseDraft.Lesson> videos = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    videos.add(new CourseDraft.Lesson("Video " + i, "ARTICLE", 600, i == 0, "Transcript " + i));
                }
                course = s.modules().catalog().importPublished(List.of(new CourseDraft("offline-" + UUID.randomUUID(),
                        "Offline course", "Study anywhere", "Forty lessons to take on the train.", "science",
                        List.of("bench"), CourseLevel.BEGINNER, "en", 0, "USD", List.of(new CourseDraft.Instructor(
                        teacher.id(), teacher.displayName())), List.of(new CourseDraft.Section("All", videos)))))
                        .getFirst().toString();
                lessons = s.modules().catalog().lessons(UUID.fromString(course)).stream()
                        .map(l -> l.lessonId().toString()).toList();
                for (int i = 0; i < LEARNERS; i++) {
                    s.modules().identity().createAccount(new NewAccount("offline" + i + "@bench.local", "Learner " + i,
                            Role.STUDENT, "bench learner password"));
                }
            }
            URI server = env.startServerProcess(jar);
            List<Long> first = new ArrayList<>();
            List<Long> replay = new ArrayList<>();
            for (int i = 0; i < LEARNERS; i++) {
                String token = login(server, "offline" + i + "@bench.local");
                call(server, "/api/v1/courses/" + course + "/enroll", "{}", token);
                String body = batch(lessons, new Random(i));
                long t0 = System.nanoTime();
                JsonNode r = call(server, "/api/v1/sync", body, token);
                first.add(System.nanoTime() - t0);
                if (r.path("applied").size() + r.path("rejected").size() != EVENTS) {
                    throw new IllegalStateException("not every event was accounted for: " + r.path("rejected"));
                }
                t0 = System.nanoTime();
                JsonNode again = call(server, "/api/v1/sync", body, token);
                replay.add(System.nanoTime() - t0);
                if (again.path("duplicates").size() != EVENTS) {
                    throw new IllegalStateException("a replay applied something twice");
                }
            }
            return report(first, replay);
        }
    }

    /** 10,000 events: heartbeats over 40 lessons (articles here; the merge is the same), completions, notes. */
    private static String batch(List<String> lessons, Random random) throws Exception {
        List<ObjectNode> events = new ArrayList<>();
        Instant t0 = Instant.now().minusSeconds(86_400);
        for (int i = 0; events.size() < EVENTS; i++) {
            String lesson = lessons.get(i % lessons.size());
            ObjectNode e = JSON.createObjectNode().put("id", "e" + i).put("clientTime", t0.plusSeconds(i * 5L).toString())
                    .put("lessonId", lesson);
            if (i % 50 == 49) {
                e.put("type", "COMPLETE");
            } else if (i % 10 == 3) {
                e.put("type", "NOTE_UPSERT").put("noteId", UUID.nameUUIDFromBytes(("n" + (i % 500)).getBytes())
                        .toString()).put("body", "Note " + i + ": remember the part about lenses").put("positionSec", i % 600);
            } else {
                int from = (i * 7) % 590;
                e.put("type", "HEARTBEAT").put("positionSec", from + 10).put("spentSec", 10);
                e.putArray("watchedRanges").addArray().add(from).add(from + 10);
            }
            events.add(e);
        }
        Collections.shuffle(events, random);
        ObjectNode body = JSON.createObjectNode().put("timeZone", "Europe/Berlin");
        ArrayNode list = body.putArray("events");
        events.forEach(list::add);
        return JSON.writeValueAsString(body);
    }

    private boolean report(List<Long> first, List<Long> replay) {
        first.sort(Long::compare);
        replay.sort(Long::compare);
        out.println();
        out.printf(Locale.ROOT, "Sync benchmark: %,d queued events in one POST /api/v1/sync, %d learners, %d cores%n",
                EVENTS, LEARNERS, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "  first sync (all applied)      median %7.0f ms   worst %7.0f ms%n",
                first.get(first.size() / 2) / 1e6, first.getLast() / 1e6);
        out.printf(Locale.ROOT, "  replay (all duplicates)       median %7.0f ms   worst %7.0f ms%n",
                replay.get(replay.size() / 2) / 1e6, replay.getLast() / 1e6);
        boolean ok = first.getLast() < 2_000_000_000L;
        out.println();
        out.printf(Locale.ROOT, "  %-44s %-12s %s%n", "10,000 events sync in < 2 s (worst)",
                String.format(Locale.ROOT, "%.2f s", first.getLast() / 1e9), ok ? "MET" : "MISSED");
        return ok;
    }

    private String login(URI server, String email) throws Exception {
        return call(server, "/api/v1/auth/login", JSON.writeValueAsString(Map.of("email", email, "password",
                "bench learner password")), null).path("accessToken").asText();
    }

    private JsonNode call(URI server, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
