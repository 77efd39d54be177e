package io.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.SessionVault;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseDraft;
import io.lectern.server.identity.NewAccount;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The desktop benchmark: a server process with 1,000 published courses and a transcoded video lesson; the real
 * desktop app (signed in from its kept session) started as its own JVM by {@link DesktopProbe}, which reports cold
 * start to a usable catalog, frame times while scrolling through all 1,000 courses, and resident memory while the
 * video plays; beside a bare JavaFX window started the same way (the toolkit's own start-up) as the baseline.
 * Targets: cold start &lt; 3 s, 95 % of frames within 33 ms while scrolling, memory &lt; 400 MB while playing.
 */
final class DesktopBench {

    private static final String LEARNER = "desk.learner@bench.local";
    private static final String PASSWORD = "bench learner password";

    private final PrintStream out;
    private final Path dir;
    private final Path jar;

    DesktopBench(PrintStream out, Path dir, Path jar) {
        this.out = out;
        this.dir = dir;
        this.jar = jar;
    }

    boolean run() throws Exception {
        Files.createDirectories(dir);
        Path video = dir.resolve("desktop-video.mp4");
        if (!Files.exists(video)) {
            out.println("Making a 40 s 1280x720 test video with ffmpeg ...");
            MediaBench.exec("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=duration=40:size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=330:duration=40",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                    video.toString());
        }
        Path seeded = dir.resolve("desktop-seeded");
        try (BenchEnv env = BenchEnv.start(dir)) {
            if (!Files.exists(seeded)) {
                try (LecternServer s = env.inProcess()) {
                    seed(s);
                }
            }
            URI server = env.startServerProcess(jar);
            if (!Files.exists(seeded)) {
                videoCourse(new BenchApi(server, out), Files.readAllBytes(video));
                Files.writeString(seeded, "1,000 courses and the video course are in this directory's database\n");
            }
            Path data = dir.resolve("desktop-data");
            new SessionVault(data).save(new AuthClient(new ApiClient(server)).login(LEARNER, PASSWORD, null));
            out.println("Starting a bare JavaFX window (baseline) and the Lectern app, each as its own JVM ...");
            Map<String, String> base = probe(server, data, "baseline");
            Map<String, String> app = probe(server, data, "app");
            return report(base, app);
        }
    }

    private void seed(LecternServer s) {
        CatalogService catalog = s.modules().catalog();
        Map<String, String> categories = new LinkedHashMap<>();
        CourseGenerator.TOPICS.keySet().forEach(c -> categories.put(c, Character.toUpperCase(c.charAt(0))
                + c.substring(1)));
        catalog.ensureCategories(categories);
        CourseGenerator generator = new CourseGenerator(42, 200);
        List<CourseDraft> drafts = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            drafts.add(generator.course(n));
        }
        catalog.importPublished(drafts);
        for (String[] who : new String[][] {{LEARNER, "Desk Learner", "STUDENT"},
            {"desk.teacher@bench.local", "Desk Teacher", "INSTRUCTOR"}}) {
            if (s.modules().identity().findByEmail(who[0]).isEmpty()) {
                s.modules().identity().createAccount(new NewAccount(who[0], who[1], Role.valueOf(who[2]),
                        who[2].equals("STUDENT") ? PASSWORD : "bench teacher password"));
            }
        }
        out.println("Seeded 1,000 courses and two accounts.");
    }

    /** A free course with the video as its first lesson; the learner enrolls, so My learning resumes it. */
    private void videoCourse(BenchApi api, byte[] video) throws Exception {
        String teacher = api.login("desk.teacher@bench.local", "bench teacher password");
        out.println("Uploading the video and waiting for its renditions ...");
        String media = api.upload(teacher, video);
        api.waitReady(teacher, media);
        String course = api.post("/api/v1/courses", Map.of("title", "Watching closely", "category",
                CourseGenerator.TOPICS.keySet().iterator().next(), "description", "A video to measure playback with.",
                "pricing", "FREE"), teacher).path("id").asText();
        String section = api.post("/api/v1/courses/" + course + "/sections", Map.of("title", "One"), teacher)
                .path("id").asText();
        api.post("/api/v1/sections/" + section + "/lessons", Map.of("title", "Test pattern", "type", "VIDEO",
                "durationSec", 40, "content", Map.of("mediaId", media)), teacher);
        api.post("/api/v1/courses/" + course + "/publish", Map.of(), teacher);
        JsonNode enrolled = api.post("/api/v1/courses/" + course + "/enroll", Map.of(), api.login(LEARNER, PASSWORD));
        out.println("  the learner is enrolled: " + enrolled.path("courseId").asText(course));
    }

    private Map<String, String> probe(URI server, Path data, String mode) throws Exception {
        Path benchJar = Path.of(DesktopBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", benchJar.toString()));
        command.addAll(1, appOptions());
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            command.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        }
        command.addAll(List.of(DesktopProbe.class.getName(), mode));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LECTERN_DESKTOP_DATA", data.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("desktop-config").toString());
        pb.environment().put("LECTERN_SERVER_URL", server.toString());
        Process p = pb.start();
        Map<String, String> figures = new HashMap<>();
        figures.put("options", String.join(" ", appOptions()));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("maps ")) {
                    out.println("  " + line);
                }
                if (line.startsWith("probe ")) {
                    out.println("  " + line);
                    for (String kv : line.substring(6).split(" ")) {
                        String[] pair = kv.split("=", 2);
                        figures.put(pair[0], pair.length > 1 ? pair[1] : "");
                    }
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return figures;
    }

    /** The app's JVM options ({@code desktop-client/jvm.options}, or {@code LECTERN_DESKTOP_JAVA_OPTS} to try others). */
    static List<String> appOptions() throws java.io.IOException {
        String tried = System.getenv("LECTERN_DESKTOP_JAVA_OPTS");
        if (tried != null) {
            return tried.isBlank() ? List.of() : List.of(tried.strip().split("\\s+"));
        }
        Path file = Path.of("desktop-client", "jvm.options");
        return !Files.exists(file) ? List.of() : Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private boolean report(Map<String, String> base, Map<String, String> app) {
        double cold = number(app, "cold-start-ms");
        double baseline = number(base, "baseline-start-ms");
        double slowFrames = number(app, "frames-over-33ms-pct");
        double rss = number(app, "max-rss-mb");
        boolean items = number(app, "scroll-items") >= 1000;
        boolean playing = "true".equals(app.get("video-playing"));
        out.printf(Locale.ROOT, "%nDesktop app, %d CPUs, JVM options %s%n", Runtime.getRuntime().availableProcessors(),
                app.getOrDefault("options", "?"));
        out.printf(Locale.ROOT, "  cold start to a catalog with courses  %6.0f ms   (bare JavaFX window %4.0f ms, "
                + "ratio %.1f×)   target < 3000 ms   %s%n", cold, baseline, cold / Math.max(1, baseline),
                cold > 0 && cold < 3000 ? "MET" : "MISSED");
        out.printf(Locale.ROOT, "  scrolling 1,000 courses  frame p50 %s ms, p99 %s ms, %.1f %% over 33 ms   "
                + "target ≤ 5 %%   %s%n", app.get("frame-p50-ms"), app.get("frame-p99-ms"), slowFrames,
                items && slowFrames <= 5 ? "MET" : "MISSED" + (items ? "" : " (did not reach 1,000 courses)"));
        out.printf(Locale.ROOT, "  memory while a video plays  %4.0f MB resident (heap %s MB)   target < 400 MB   %s%n",
                rss, app.get("max-heap-mb"), playing && rss < 400 ? "MET" : "MISSED" + (playing ? ""
                : " (the video did not play)"));
        return cold > 0 && cold < 3000 && items && slowFrames <= 5 && playing && rss < 400;
    }

    private static double number(Map<String, String> figures, String key) {
        try {
            return Double.parseDouble(figures.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
