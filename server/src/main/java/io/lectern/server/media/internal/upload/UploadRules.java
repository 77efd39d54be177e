package io.lectern.server.media.internal.upload;

import io.lectern.model.media.MediaPurpose;
import java.util.Map;
import java.util.Set;

/** What each purpose accepts: the content types detected from the bytes, and the largest size. */
final class UploadRules {

    private static final long MB = 1L << 20;

    /**
     * One purpose's rule.
     *
     * @param types    detected content types allowed
     * @param maxBytes largest file
     * @param staff    whether only instructors and admins may upload it
     */
    record Rule(Set<String> types, long maxBytes, boolean staff) {
    }

    private static final Map<MediaPurpose, Rule> RULES = Map.of(
            MediaPurpose.VIDEO, new Rule(Set.of("video/mp4", "video/quicktime", "video/x-matroska", "video/webm",
                    "video/x-msvideo", "video/x-m4v", "video/mpeg", "video/x-flv", "video/3gpp"), 8192 * MB, true),
            MediaPurpose.DOCUMENT, new Rule(Set.of("application/pdf"), 512 * MB, true),
            MediaPurpose.IMAGE, new Rule(Set.of("image/png", "image/jpeg", "image/webp", "image/gif"), 10 * MB, false),
            MediaPurpose.SUBTITLE, new Rule(Set.of("text/vtt", "application/x-subrip", "text/plain"), 5 * MB, true),
            MediaPurpose.SUBMISSION, new Rule(Set.of("application/pdf", "text/plain", "image/png", "image/jpeg",
                    "application/zip", "application/x-tika-ooxml", "application/x-tika-msoffice",
                    "application/vnd.oasis.opendocument.text", "video/mp4", "video/quicktime", "video/webm",
                    "video/x-matroska", "video/x-m4v"), 500 * MB, false));

    private UploadRules() {
    }

    static Rule of(MediaPurpose purpose) {
        return RULES.get(purpose);
    }

    /** The largest file any purpose takes (tus {@code Tus-Max-Size}). */
    static long largest() {
        return RULES.values().stream().mapToLong(Rule::maxBytes).max().orElseThrow();
    }

    static String describe(MediaPurpose purpose) {
        return switch (purpose) {
            case VIDEO -> "a video (MP4, MOV, MKV, WebM, AVI)";
            case DOCUMENT -> "a PDF";
            case IMAGE -> "an image (PNG, JPEG, WebP, GIF)";
            case SUBTITLE -> "subtitles (WebVTT or SRT)";
            case SUBMISSION -> "a PDF, text, image, video, zip or office document";
        };
    }
}
