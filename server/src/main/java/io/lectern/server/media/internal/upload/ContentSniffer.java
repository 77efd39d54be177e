package io.lectern.server.media.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * The real type of a file from its bytes (Apache Tika's magic detection). The name counts only for text formats
 * without magic (SRT, WebVTT) when the bytes are plain text; bytes that say zip are zip whatever the name says.
 * ISO base media files are typed by their {@code ftyp} brand: tika-core's magic calls every one without an MP4 brand
 * it lists QuickTime, so an ordinary MP4 (brand {@code isom}, as ffmpeg and phones write) would be served as
 * {@code video/quicktime}, which browsers refuse to play.
 */
final class ContentSniffer {

    private static final Set<String> TEXT_BY_NAME = Set.of("text/vtt", "application/x-subrip");
    private static final Set<String> ISO_MEDIA = Set.of("video/quicktime", "video/mp4", "application/mp4");

    private final Tika tika = new Tika();

    String detect(Path file, String filename) throws IOException {
        String byBytes;
        try (InputStream in = Files.newInputStream(file)) {
            byBytes = tika.detect(in);
        }
        if ("text/plain".equals(byBytes)) {
            String byName = tika.detect(filename);
            if (TEXT_BY_NAME.contains(byName)) {
                return byName;
            }
        }
        if (ISO_MEDIA.contains(byBytes)) {
            return byBrand(file, byBytes);
        }
        return byBytes;
    }

    /** ISO/IEC 14496-12: a file starts with the {@code ftyp} box, whose major brand names the format. */
    private static String byBrand(Path file, String fallback) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12) {
                return fallback;
            }
        }
        if (!"ftyp".equals(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            return fallback;
        }
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        if (brand.equals("qt  ")) {
            return "video/quicktime";
        }
        if (brand.startsWith("M4V")) {
            return "video/x-m4v";
        }
        if (brand.startsWith("3g")) {
            return "video/3gpp";
        }
        return "video/mp4";
    }
}
