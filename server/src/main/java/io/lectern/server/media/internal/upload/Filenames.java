package io.lectern.server.media.internal.upload;

import java.text.Normalizer;

/**
 * Makes an uploader's file name safe to store and to send back in {@code Content-Disposition}: no directories
 * (either slash), no control or reserved characters, no leading dots, at most 120 characters, never empty.
 */
final class Filenames {

    private Filenames() {
    }

    static String sanitise(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean bad = Character.isISOControl(c) || "<>:\"|?*%;".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT;
            b.appendCodePoint(bad ? '_' : c);
        });
        String s = b.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) > 120) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, s.offsetByCodePoints(0, 120 - ext.length())) + ext;
        }
        return s.isEmpty() ? "file" : s;
    }
}
