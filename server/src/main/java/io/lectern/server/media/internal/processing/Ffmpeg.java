package io.lectern.server.media.internal.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/** ffprobe and ffmpeg from the operating system, run as processes with their progress read back. */
public final class Ffmpeg {

    /**
     * What ffprobe says of a file.
     *
     * @param durationSec duration
     * @param width       first video stream's width
     * @param height      its height
     * @param videoCodec  its codec
     * @param hasAudio    whether there is an audio stream
     */
    public record Probe(double durationSec, int width, int height, String videoCodec, boolean hasAudio) {
    }

    private final String ffmpeg;
    private final String ffprobe;
    private final boolean available;

    static {
        // ffmpeg runs as a child process: it must not outlive the server (a restart runs the job again anyway)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroyForcibly), "ffmpeg-reaper"));
    }

    public Ffmpeg(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.available = works(ffmpeg) && works(ffprobe);
    }

    public boolean available() {
        return available;
    }

    private static boolean works(String command) {
        try {
            Process p = new ProcessBuilder(command, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Probes a file; empty when it has no decodable video stream. */
    public Optional<Probe> probe(Path file) throws IOException {
        Process p = new ProcessBuilder(ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode json;
        try (var in = p.getInputStream()) {
            json = new ObjectMapper().readTree(in);
        }
        if (waitFor(p) != 0 || json == null) {
            return Optional.empty();
        }
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode s : json.path("streams")) {
            if ("video".equals(s.path("codec_type").asText()) && video == null
                    && s.path("disposition").path("attached_pic").asInt() == 0) {
                video = s;
            }
            audio |= "audio".equals(s.path("codec_type").asText());
        }
        double duration = json.path("format").path("duration").asDouble(0);
        if (video == null || video.path("width").asInt() <= 0 || duration <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Probe(duration, video.path("width").asInt(), video.path("height").asInt(),
                video.path("codec_name").asText(), audio));
    }

    /**
     * Runs ffmpeg with {@code args}, reporting the fraction of {@code durationSec} done.
     *
     * @throws IOException when ffmpeg fails, with the end of its log
     */
    public void run(List<String> args, double durationSec, DoubleConsumer progress, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-progress", "pipe:1",
                "-nostats", "-loglevel", "error"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("out_time_us=") && durationSec > 0) {
                    try {
                        double done = Long.parseLong(line.substring(12)) / 1e6 / durationSec;
                        progress.accept(Math.max(0, Math.min(1, done)));
                    } catch (NumberFormatException ignored) {
                        // "N/A" before the first frame
                    }
                }
            }
        }
        int exit = waitFor(p);
        if (exit != 0) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            throw new IOException("ffmpeg exited with " + exit + ": "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
        }
    }

    private static int waitFor(Process p) throws IOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
