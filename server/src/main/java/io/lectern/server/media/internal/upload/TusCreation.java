package io.lectern.server.media.internal.upload;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.media.MediaPurpose;
import io.lectern.model.media.UploadRequest;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a tus 1.0 creation request ({@code Upload-Length} and {@code Upload-Metadata} headers, as tus-js-client, Uppy
 * and tus-java-client send them) into the same {@link UploadRequest} the JSON creation takes. Metadata keys:
 * {@code filename} (or {@code name}), {@code filetype} (or {@code type}), {@code purpose} and {@code sha256}; without a
 * purpose it follows from the type: a learner's file is a submission, an instructor's video a video, a PDF a document,
 * an image an image, WebVTT or SRT subtitles.
 */
final class TusCreation {

    static final HeaderName UPLOAD_METADATA = HeaderNames.create("Upload-Metadata");

    private TusCreation() {
    }

    static UploadRequest read(ServerRequest req, Principal p) {
        String length = req.headers().first(UploadRoutes.UPLOAD_LENGTH).orElseThrow(() -> ApiException.invalid(List.of(
                new FieldViolation("Upload-Length", "required", "Say how large the file is with Upload-Length "
                        + "(deferring the length is not supported)."))));
        if (!length.matches("\\d{1,19}")) {
            throw ApiException.invalid(List.of(new FieldViolation("Upload-Length", "format",
                    "Upload-Length must be a whole number of bytes.")));
        }
        Map<String, String> meta = metadata(req.headers().first(UPLOAD_METADATA).orElse(""));
        String filename = meta.getOrDefault("filename", meta.get("name"));
        String type = meta.getOrDefault("filetype", meta.get("type"));
        MediaPurpose purpose = purpose(meta.get("purpose"), type, filename, p);
        return new UploadRequest(filename, Long.parseLong(length), type, purpose, meta.get("sha256"));
    }

    /** {@code key base64,key base64,key}: keys are ASCII without spaces or commas; values are Base64 of UTF-8. */
    static Map<String, String> metadata(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header.isBlank()) {
            return out;
        }
        if (header.length() > 8192) {
            throw badMetadata("Upload-Metadata is longer than 8192 characters.");
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.strip().split(" ", 2);
            if (kv[0].isEmpty() || !kv[0].matches("[\\x21-\\x7e]{1,100}") || out.containsKey(kv[0])) {
                throw badMetadata("Each Upload-Metadata key is unique ASCII without spaces or commas.");
            }
            try {
                out.put(kv[0], kv.length == 1 ? "" : new String(Base64.getDecoder().decode(kv[1].strip()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw badMetadata("The value of '" + kv[0] + "' is not Base64.");
            }
        }
        return out;
    }

    private static MediaPurpose purpose(String named, String type, String filename, Principal p) {
        if (named != null && !named.isBlank()) {
            try {
                return MediaPurpose.valueOf(named.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(List.of(new FieldViolation("Upload-Metadata.purpose", "one_of",
                        "purpose is VIDEO, DOCUMENT, IMAGE, SUBTITLE or SUBMISSION.")));
            }
        }
        if (!p.isStaff()) {
            return MediaPurpose.SUBMISSION;
        }
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (t.startsWith("video/")) {
            return MediaPurpose.VIDEO;
        }
        if (t.equals("application/pdf") || name.endsWith(".pdf")) {
            return MediaPurpose.DOCUMENT;
        }
        if (t.startsWith("image/")) {
            return MediaPurpose.IMAGE;
        }
        if (t.equals("text/vtt") || name.endsWith(".vtt") || name.endsWith(".srt")) {
            return MediaPurpose.SUBTITLE;
        }
        if (name.matches(".*\\.(mp4|m4v|mov|mkv|webm|avi)$")) {
            return MediaPurpose.VIDEO;
        }
        throw ApiException.invalid(List.of(new FieldViolation("Upload-Metadata.purpose", "required",
                "Say what the file is for: add purpose (VIDEO, DOCUMENT, IMAGE or SUBTITLE) to Upload-Metadata.")));
    }

    private static ApiException badMetadata(String why) {
        return ApiException.invalid(List.of(new FieldViolation("Upload-Metadata", "format", why)));
    }
}
