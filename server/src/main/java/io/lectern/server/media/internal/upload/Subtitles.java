package io.lectern.server.media.internal.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subtitle files become WebVTT: WebVTT is checked and kept, SRT is converted (cue times, numbering, markup). */
final class Subtitles {

    private static final Pattern SRT_TIME = Pattern.compile(
            "^(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{1,3})\\s*-->\\s*(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{1,3})(.*)$");
    private static final Pattern VTT_TIME = Pattern.compile(
            "^(?:\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3}\\s+-->\\s+(?:\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3}.*$");

    private Subtitles() {
    }

    /** WebVTT text of the file, or empty with nothing usable in it (not UTF-8, no cue). */
    static Optional<String> toWebVtt(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        text = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("WEBVTT")) {
            return text.lines().anyMatch(l -> VTT_TIME.matcher(l.strip()).matches()) ? Optional.of(text) : Optional.empty();
        }
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        int cues = 0;
        for (String block : text.strip().split("\n\\s*\n")) {
            String[] lines = block.strip().split("\n");
            int i = lines.length > 1 && lines[0].strip().matches("\\d+") ? 1 : 0;
            Matcher m = i < lines.length ? SRT_TIME.matcher(lines[i].strip()) : null;
            if (m == null || !m.matches()) {
                continue;
            }
            out.append(time(m, 1)).append(" --> ").append(time(m, 5)).append('\n');
            for (int j = i + 1; j < lines.length; j++) {
                out.append(lines[j].replaceAll("\\{\\\\[^}]*}", "").replace("-->", "->")).append('\n');
            }
            out.append('\n');
            cues++;
        }
        return cues == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    private static String time(Matcher m, int g) {
        String ms = (m.group(g + 3) + "00").substring(0, 3);
        return String.format("%02d:%s:%s.%s", Integer.parseInt(m.group(g)), m.group(g + 1), m.group(g + 2), ms);
    }
}
