package io.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.identity.NewAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The media benchmark: a real video uploaded (tus) and transcoded by the server process, then many concurrent
 * range requests on its MP4 and HLS segment fetches against Lectern's signed URLs, beside nginx serving the very
 * same files from the same disk in the same run; and how soon a player has its first HLS segment after asking for
 * playback.
 */
final class MediaBench {

    static final int CLIENTS = 16;
    private static final int RANGE = 256 * 1024;

    private final PrintStream out;
    private final Path dir;
    private final Path jar;
    private final int seconds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    MediaBench(PrintStream out, Path dir, Path jar, int seconds) {
        this.out = out;
        this.dir = dir;
        this.jar = jar;
        this.seconds = seconds;
    }

    boolean run() throws Exception {
        if (!Nginx.installed()) {
            out.println("nginx is not installed; on Debian: apt-get install -y nginx (./lectern bench media "
                    + "installs it when run as root).");
            return false;
        }
        Files.createDirectories(dir);
        Path video = dir.resolve("bench-video.mp4");
        if (!Files.exists(video)) {
            out.println("Making a 60 s 1280x720 test video with ffmpeg ...");
            exec("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=duration=60:size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=330:duration=60",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                    video.toString());
        }
        try (BenchEnv env = BenchEnv.start(dir)) {
            try (LecternServer s = env.inProcess()) {
                if (s.modules().identity().findByEmail("media.teacher@bench.local").isEmpty()) {
                    s.modules().identity().createAccount(new NewAccount("media.teacher@bench.local", "Media Teacher",
                            Role.INSTRUCTOR, "bench teacher password"));
                }
            }
            URI server = env.startServerProcess(jar);
            BenchApi api = new BenchApi(server, out);
            String token = api.login("media.teacher@bench.local", "bench teacher password");
            out.println("Uploading it in 8 MiB chunks and waiting for the HLS ladder ...");
            long t0 = System.nanoTime();
            String id = api.upload(token, Files.readAllBytes(video));
            JsonNode media = api.waitReady(token, id);
            out.printf(Locale.ROOT, "  processed in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9,
                    media.path("renditions"));
            JsonNode urls = api.get("/api/v1/media/" + id + "/playback", token);
            Path files = dir.resolve("data").resolve("media").resolve(id);
            List<String> segments = segments(files);
            List<Long> firstSegment = firstSegmentTimes(api, token, id, 20);
            try (Nginx nginx = Nginx.start(dir, dir.resolve("data").resolve("media"))) {
                Targets lectern = new Targets(urls.path("mp4Url").asText(), segmentUrls(api, urls.path("hlsUrl").asText(),
                        segments), Files.size(files.resolve("video.mp4")));
                Targets plain = new Targets(nginx.base() + "/" + id + "/video.mp4", segments.stream()
                        .map(p -> nginx.base() + "/" + id + "/" + p).toList(), lectern.mp4Size());
                out.println("Warming up both ...");
                load("warm-up", lectern, Math.max(5, seconds / 3));
                load("warm-up", plain, Math.max(5, seconds / 3));
                var nginxRun = load("nginx (sendfile, access log)", plain, seconds);
                var lecternRun = load("lectern: signed, access log", lectern, seconds);
                return report(lecternRun, nginxRun, firstSegment, segments.size());
            }
        }
    }

    /** What a load run fetches: 256 KiB ranges of the MP4 at random offsets and whole HLS segments, half each. */
    record Targets(String mp4, List<String> segments, long mp4Size) {
    }

    private LoadRunner.Result load(String name, Targets t, int secs) {
        return LoadRunner.run(name, CLIENTS, Duration.ofSeconds(secs), i -> () -> {
            HttpRequest.Builder b;
            if (i % 2 == 0) {
                long start = ThreadLocalRandom.current().nextLong(Math.max(1, t.mp4Size() - RANGE));
                b = HttpRequest.newBuilder(URI.create(t.mp4())).header("Range", "bytes=" + start + "-"
                        + (start + RANGE - 1));
            } else {
                b = HttpRequest.newBuilder(URI.create(t.segments().get((i / 2) % t.segments().size())));
            }
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            long n;
            try (InputStream in = r.body()) {
                n = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return (r.statusCode() == 200 || r.statusCode() == 206) && n > 0;
        });
    }

    /** From the playback call to the first segment's last byte, as a player does it: master, variant, segment. */
    private List<Long> firstSegmentTimes(BenchApi api, String token, String id, int times) throws Exception {
        List<Long> took = new ArrayList<>();
        for (int k = 0; k < times; k++) {
            long t0 = System.nanoTime();
            String master = api.get("/api/v1/media/" + id + "/playback", token).path("hlsUrl").asText();
            String variant = resolve(master, firstUri(api.text(master)));
            String segment = resolve(variant, firstUri(api.text(variant)));
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(segment)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("segment answered " + r.statusCode());
            }
            took.add(System.nanoTime() - t0);
        }
        took.sort(Long::compare);
        return took;
    }

    private boolean report(LoadRunner.Result lectern, LoadRunner.Result nginx, List<Long> first, int segments) {
        double ratio = lectern.throughput() / nginx.throughput();
        double firstP50 = first.get(first.size() / 2) / 1e6;
        double firstMax = first.getLast() / 1e6;
        out.println();
        out.printf(Locale.ROOT, "Media benchmark: %d concurrent clients, %d s per phase, %d cores; 256 KiB MP4 ranges "
                + "and whole HLS segments (%d of them), half each%n", CLIENTS, seconds,
                Runtime.getRuntime().availableProcessors(), segments);
        out.println("  " + nginx.line());
        out.println("  " + lectern.line());
        out.printf(Locale.ROOT, "  first HLS segment after the playback call: p50 %.1f ms, max %.1f ms (20 tries)%n",
                firstP50, firstMax);
        out.println();
        boolean fast = ratio >= 0.8;
        boolean quick = firstMax < 1000;
        out.printf(Locale.ROOT, "  %-44s %-12s %s%n", "throughput >= 0.8 x nginx", String.format(Locale.ROOT,
                "%.2f x", ratio), fast ? "MET" : "MISSED");
        out.printf(Locale.ROOT, "  %-44s %-12s %s%n", "first segment < 1 s after playback", String.format(Locale.ROOT,
                "%.0f ms", firstMax), quick ? "MET" : "MISSED");
        boolean clean = lectern.failures() == 0 && nginx.failures() == 0;
        out.printf(Locale.ROOT, "  %-44s %-12s %s%n", "no failed requests", lectern.failures() + nginx.failures()
                + " failed", clean ? "MET" : "MISSED");
        return fast && quick && clean;
    }

    private static List<String> segments(Path files) throws IOException {
        try (var walk = Files.walk(files.resolve("hls"))) {
            return walk.filter(p -> p.toString().endsWith(".ts")).map(p -> files.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    /** Signed segment URLs, as the server's playlists list them. */
    private List<String> segmentUrls(BenchApi api, String master, List<String> segments) throws Exception {
        List<String> urls = new ArrayList<>();
        for (String line : api.text(master).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            String variant = resolve(master, line);
            api.text(variant).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(s -> urls.add(resolve(variant,
                    s)));
        }
        if (urls.size() != segments.size()) {
            throw new IllegalStateException("playlists list " + urls.size() + " segments, the disk has " + segments.size());
        }
        return urls;
    }

    private static String firstUri(String playlist) {
        return playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
    }

    private static String resolve(String base, String relative) {
        return URI.create(base).resolve(relative).toString();
    }

    static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
