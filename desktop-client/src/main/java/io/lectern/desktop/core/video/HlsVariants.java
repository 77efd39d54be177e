package io.lectern.desktop.core.video;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The renditions an HLS master playlist offers, for a "quality" choice (Auto stays on the master). */
public final class HlsVariants {

    /**
     * One rendition.
     *
     * @param height    picture height (the "720p" in the menu)
     * @param bandwidth bits per second
     * @param url       its media playlist, resolved against the master's URL
     */
    public record Variant(int height, long bandwidth, URI url) {

        public String label() {
            return height + "p";
        }
    }

    private static final Pattern RESOLUTION = Pattern.compile("RESOLUTION=(\\d+)x(\\d+)");
    private static final Pattern BANDWIDTH = Pattern.compile("(?<![-A-Z])BANDWIDTH=(\\d+)");

    private HlsVariants() {
    }

    /** The variants of {@code master} (highest first); empty when it is not a master playlist. */
    public static List<Variant> parse(String master, URI base) {
        List<Variant> out = new ArrayList<>();
        String[] lines = master.split("\\R");
        for (int i = 0; i < lines.length - 1; i++) {
            if (!lines[i].startsWith("#EXT-X-STREAM-INF:")) {
                continue;
            }
            Matcher r = RESOLUTION.matcher(lines[i]);
            Matcher b = BANDWIDTH.matcher(lines[i]);
            String uri = lines[i + 1].strip();
            if (r.find() && !uri.isEmpty() && !uri.startsWith("#")) {
                out.add(new Variant(Integer.parseInt(r.group(2)), b.find() ? Long.parseLong(b.group(1)) : 0,
                        base.resolve(uri)));
            }
        }
        out.sort(Comparator.comparingInt(Variant::height).reversed());
        return out;
    }
}
