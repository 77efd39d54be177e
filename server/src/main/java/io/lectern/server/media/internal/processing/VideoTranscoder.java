package io.lectern.server.media.internal.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Turns a probed video into what players need: an HLS ladder that never upscales and keeps the source's quality
 * (360p, 720p, 1080p as the source allows, plus a rung at the source's own height when it lies between two of them:
 * an 854×480 upload gets 360p and 480p; 6-second segments with aligned key frames; a master playlist), a progressive
 * MP4 for download and offline study, a poster, and a sprite of thumbnails every few seconds with its WebVTT map.
 */
final class VideoTranscoder {

    static final int SEGMENT_SECONDS = 6;
    private static final int[] LADDER = {360, 720, 1080};
    private static final int SPRITE_WIDTH = 160;
    private static final int SPRITE_COLUMNS = 10;

    /**
     * One HLS variant.
     *
     * @param height  lines
     * @param width   pixels (even)
     * @param kbps    video bitrate cap
     */
    record Rung(int height, int width, int kbps) {
    }

    private final Ffmpeg ffmpeg;

    VideoTranscoder(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    static List<Rung> ladder(int width, int height) {
        List<Rung> rungs = new ArrayList<>();
        int own = height - height % 2;
        for (int h : LADDER) {
            if (h <= height) {
                rungs.add(rung(width, height, h));
            }
        }
        boolean between = own > LADDER[0] && own < LADDER[LADDER.length - 1];
        if (rungs.isEmpty() || between && rungs.stream().noneMatch(r -> r.height() == own)) {
            rungs.add(rung(width, height, own)); // the source's own quality, never lost to the rung below
        }
        rungs.sort(java.util.Comparator.comparingInt(Rung::height));
        return rungs;
    }

    private static Rung rung(int width, int height, int h) {
        int w = (int) Math.round(width * (double) h / height / 2) * 2;
        int kbps = h <= 360 ? 800 : h <= 480 ? 1400 : h <= 720 ? 2800 : 5000;
        return new Rung(h, w, kbps);
    }

    /** Writes {@code hls/}, {@code video.mp4}, {@code poster.jpg}, {@code sprite.jpg} and {@code sprite.vtt}. */
    List<String> transcode(Path source, Ffmpeg.Probe probe, Path out, IntConsumer percent) throws IOException {
        List<Rung> rungs = ladder(probe.width(), probe.height());
        Path log = out.resolve("ffmpeg.log");
        double steps = rungs.size() + 1.5;
        for (int i = 0; i < rungs.size(); i++) {
            Rung r = rungs.get(i);
            Path dir = Files.createDirectories(out.resolve("hls").resolve(r.height() + "p"));
            int done = i;
            ffmpeg.run(hlsArgs(source, r, dir), probe.durationSec(), f -> percent.accept((int) (90 * (done + f) / steps)),
                    log);
        }
        Files.writeString(out.resolve("hls").resolve("master.m3u8"), master(rungs, probe.hasAudio()));
        Rung mp4 = rungs.stream().filter(r -> r.height() <= 720).reduce((a, b) -> b).orElse(rungs.getFirst());
        ffmpeg.run(List.of("-i", source.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-vf", scale(mp4), "-c:v",
                "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                "-movflags", "+faststart", out.resolve("video.mp4").toString()), probe.durationSec(),
                f -> percent.accept((int) (90 * (rungs.size() + f) / steps)), log);
        double at = Math.min(1, probe.durationSec() / 2);
        ffmpeg.run(List.of("-ss", fmt(at), "-i", source.toString(), "-frames:v", "1", "-vf", scale(mp4), "-q:v", "3",
                out.resolve("poster.jpg").toString()), 0, f -> { }, log);
        percent.accept(93);
        sprite(source, probe, out, log);
        percent.accept(99);
        Files.deleteIfExists(log);
        return List.of("hls", "mp4", "poster", "sprite");
    }

    private static List<String> hlsArgs(Path source, Rung r, Path dir) {
        return List.of("-i", source.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-vf", scale(r), "-c:v", "libx264",
                "-preset", "veryfast", "-crf", "23", "-maxrate", r.kbps() + "k", "-bufsize", 2 * r.kbps() + "k",
                "-pix_fmt", "yuv420p", "-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS),
                "-hls_playlist_type", "vod", "-hls_segment_filename", dir.resolve("seg_%04d.ts").toString(),
                dir.resolve("index.m3u8").toString());
    }

    private static String scale(Rung r) {
        return "scale=" + r.width() + ":" + r.height();
    }

    static String master(List<Rung> rungs, boolean audio) {
        StringBuilder m = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        for (Rung r : rungs) {
            int bandwidth = (r.kbps() + (audio ? 128 : 0)) * 1000;
            m.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth).append(",RESOLUTION=").append(r.width())
                    .append('x').append(r.height()).append(",CODECS=\"avc1.640028").append(audio ? ",mp4a.40.2" : "")
                    .append("\"\n").append(r.height()).append("p/index.m3u8\n");
        }
        return m.toString();
    }

    /** One thumbnail every few seconds (at most 400), tiled ten across, and the WebVTT that points into the tiles. */
    private void sprite(Path source, Ffmpeg.Probe probe, Path out, Path log) throws IOException {
        int interval = Math.max(5, (int) Math.ceil(probe.durationSec() / 400));
        int frames = Math.max(1, (int) Math.ceil(probe.durationSec() / interval));
        int rows = (frames + SPRITE_COLUMNS - 1) / SPRITE_COLUMNS;
        int h = Math.max(2, (int) Math.round(SPRITE_WIDTH * (double) probe.height() / probe.width() / 2) * 2);
        ffmpeg.run(List.of("-i", source.toString(), "-vf", "fps=1/" + interval + ",scale=" + SPRITE_WIDTH + ":" + h
                + ",tile=" + SPRITE_COLUMNS + "x" + rows, "-frames:v", "1", "-q:v", "5",
                out.resolve("sprite.jpg").toString()), 0, f -> { }, log);
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < frames; i++) {
            double from = (double) i * interval;
            double to = Math.min(probe.durationSec(), from + interval);
            vtt.append(cue(from)).append(" --> ").append(cue(to)).append('\n').append("sprite.jpg#xywh=")
                    .append(i % SPRITE_COLUMNS * SPRITE_WIDTH).append(',').append(i / SPRITE_COLUMNS * h).append(',')
                    .append(SPRITE_WIDTH).append(',').append(h).append("\n\n");
        }
        Files.writeString(out.resolve("sprite.vtt"), vtt);
    }

    private static String cue(double sec) {
        long ms = Math.round(sec * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    private static String fmt(double sec) {
        return String.format(Locale.ROOT, "%.3f", sec);
    }
}
