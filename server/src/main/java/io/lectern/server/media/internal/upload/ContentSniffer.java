package io.lectern.server.media.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * The real type of a file from its bytes (Apache Tika's magic detection). The name counts only for text formats
 * without magic (SRT, WebVTT) when the bytes are plain text; bytes that say zip are zip whatever the name says.
 */
final class ContentSniffer {

    private static final Set<String> TEXT_BY_NAME = Set.of("text/vtt", "application/x-subrip");

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
        return byBytes;
    }
}
