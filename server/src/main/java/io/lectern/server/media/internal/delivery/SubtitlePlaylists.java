package io.lectern.server.media.internal.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Subtitles in HLS, so any player shows them: the master playlist a viewer gets names the lesson's subtitle tracks
 * ({@code EXT-X-MEDIA TYPE=SUBTITLES}, each variant in the group), and each track is a one-segment WebVTT playlist.
 * Tracks belong to the lesson, not to the video, so both are written on the fly from the signed URL's parameters:
 * {@code subs=en~<id>.de~<id>} and the video's length {@code d}, covered by the signature.
 */
final class SubtitlePlaylists {

    static final String PLAYLIST = "subtitles.m3u8";
    private static final String GROUP = "subs";

    /**
     * One track.
     *
     * @param language BCP 47 tag
     * @param mediaId  the WebVTT media item
     */
    record Track(String language, UUID mediaId) {
    }

    private SubtitlePlaylists() {
    }

    /** The {@code subs} parameter for these tracks. */
    static String param(List<Track> tracks) {
        return String.join(".", tracks.stream().map(t -> t.language() + "~" + t.mediaId()).toList());
    }

    /** The tracks a {@code subs} parameter names; empty when it is not one this server writes. */
    static Optional<List<Track>> tracks(String param) {
        if (param == null || !param.matches("([A-Za-z0-9-]{2,12}~[0-9a-f-]{36})(\\.[A-Za-z0-9-]{2,12}~[0-9a-f-]{36}){0,19}")) {
            return Optional.empty();
        }
        List<Track> out = new ArrayList<>();
        for (String t : param.split("\\.")) {
            String[] lm = t.split("~");
            try {
                out.add(new Track(lm[0], UUID.fromString(lm[1])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** The extra a master playlist URL is signed with. */
    static String masterExtra(String subs, long durationSec) {
        return "subs=" + subs + "&d=" + durationSec;
    }

    /** The extra a subtitle playlist URL is signed with. */
    static String trackExtra(long durationSec) {
        return "d=" + durationSec;
    }

    /** Adds the subtitle group to a (signed) master playlist. */
    static String withTracks(String master, List<Track> tracks, long durationSec, String user, Instant expires,
                             UrlSigner signer) {
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            String uri = "/api/v1/media/" + t.mediaId() + "/files/" + PLAYLIST + "?"
                    + signer.sign(t.mediaId(), user, PLAYLIST, expires, trackExtra(durationSec)).query() + "&d="
                    + durationSec;
            media.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"").append(GROUP).append("\",NAME=\"")
                    .append(name(t.language()).replace("\"", "'")).append("\",LANGUAGE=\"").append(t.language())
                    .append("\",DEFAULT=").append(i == 0 ? "YES" : "NO").append(",AUTOSELECT=YES,FORCED=NO,URI=\"")
                    .append(uri).append("\"\n");
        }
        StringBuilder out = new StringBuilder();
        boolean added = false;
        for (String line : master.split("\n", -1)) {
            if (!added && line.startsWith("#EXT-X-STREAM-INF")) {
                out.append(media);
                added = true;
            }
            out.append(line.startsWith("#EXT-X-STREAM-INF") ? line + ",SUBTITLES=\"" + GROUP + "\"" : line).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** A subtitle track as a VOD playlist of one WebVTT segment as long as the video. */
    static String track(long durationSec, String signedVtt) {
        long d = Math.max(1, durationSec);
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION:" + d
                + "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:" + d + ".000,\n" + signedVtt + "\n#EXT-X-ENDLIST\n";
    }

    /** A track's name in its own language ("Deutsch", "English"), as players list them. */
    private static String name(String language) {
        Locale l = Locale.forLanguageTag(language);
        String n = l.getDisplayName(l);
        return n.isEmpty() ? language : Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
