package io.lectern.desktop.core.video;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebVTT thumbnail track of a video (cues pointing into a sprite image with {@code #xywh=}), for the preview
 * shown while hovering over the seek bar.
 */
public final class ThumbnailTrack {

    /**
     * The picture for a span of time: a rectangle of the sprite image.
     *
     * @param from   seconds
     * @param to     seconds
     * @param image  the sprite image (signed URL, fragment removed)
     * @param x      left
     * @param y      top
     * @param width  width
     * @param height height
     */
    public record Thumbnail(double from, double to, URI image, int x, int y, int width, int height) {
    }

    private static final Pattern CUE = Pattern.compile("([\\d:.]+)\\s+-->\\s+([\\d:.]+)");
    private static final Pattern XYWH = Pattern.compile("^(.*)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)$");

    private final List<Thumbnail> cues;

    private ThumbnailTrack(List<Thumbnail> cues) {
        this.cues = cues;
    }

    public static ThumbnailTrack parse(String vtt, URI base) {
        List<Thumbnail> cues = new ArrayList<>();
        String[] lines = vtt.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            Matcher c = CUE.matcher(lines[i]);
            Matcher t = XYWH.matcher(lines[i + 1].strip());
            if (c.find() && t.matches()) {
                cues.add(new Thumbnail(seconds(c.group(1)), seconds(c.group(2)), base.resolve(t.group(1)),
                        Integer.parseInt(t.group(2)), Integer.parseInt(t.group(3)), Integer.parseInt(t.group(4)),
                        Integer.parseInt(t.group(5))));
            }
        }
        return new ThumbnailTrack(List.copyOf(cues));
    }

    /** The thumbnail showing {@code seconds}. */
    public Optional<Thumbnail> at(double seconds) {
        for (Thumbnail t : cues) {
            if (seconds >= t.from() && seconds < t.to()) {
                return Optional.of(t);
            }
        }
        return cues.isEmpty() || seconds < 0 ? Optional.empty() : Optional.of(cues.getLast());
    }

    public int size() {
        return cues.size();
    }

    static double seconds(String cue) {
        String[] parts = cue.split(":");
        double s = 0;
        for (String p : parts) {
            s = s * 60 + Double.parseDouble(p);
        }
        return s;
    }
}
