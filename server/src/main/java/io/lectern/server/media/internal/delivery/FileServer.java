package io.lectern.server.media.internal.delivery;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.platform.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a stored file as HTTP wants it: {@code Range} (single and multiple ranges, suffix and open ranges, 416 past
 * the end), {@code HEAD}, {@code ETag}/{@code If-None-Match}, {@code Last-Modified}/{@code If-Modified-Since},
 * {@code If-Range}, {@code Accept-Ranges}; streamed from storage in 64 KiB pieces, never held in memory.
 */
final class FileServer {

    private static final int BUFFER = 64 * 1024;

    private final MediaStorage storage;

    FileServer(MediaStorage storage) {
        this.storage = storage;
    }

    /** The whole file, if it exists. */
    Optional<InputStream> open(String key) throws IOException {
        Optional<MediaStorage.Stat> stat = storage.stat(key);
        return stat.isEmpty() ? Optional.empty() : Optional.of(storage.open(key, 0, stat.get().size()));
    }

    void send(ServerRequest req, ServerResponse res, String key, String contentType, String cacheControl)
            throws IOException {
        MediaStorage.Stat stat = storage.stat(key).orElseThrow(() -> ApiException.notFound("This file"));
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                stat.lastModified().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        res.header(HeaderNames.ETAG, stat.etag());
        res.header(HeaderNames.LAST_MODIFIED, lastModified);
        res.header(HeaderNames.CACHE_CONTROL, cacheControl);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        if (notModified(req, stat, lastModified)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        Optional<String> range = req.headers().first(HeaderNames.RANGE)
                .filter(r -> req.headers().first(HeaderNames.IF_RANGE).map(ir -> ir.equals(stat.etag())
                        || ir.equals(lastModified)).orElse(true));
        boolean head = req.prologue().method() == Method.HEAD;
        switch (ByteRanges.parse(range, stat.size())) {
            case ByteRanges.Whole w -> body(res, Status.OK_200, key, 0, stat.size(), contentType, head);
            case ByteRanges.Unsatisfiable u -> throw new ApiException(416, "media.range_not_satisfiable",
                    "The range starts past the end of this " + stat.size() + "-byte file.", List.of(),
                    Map.of("Content-Range", "bytes */" + stat.size()));
            case ByteRanges.Partial p when p.ranges().size() == 1 -> {
                ByteRanges.Range r = p.ranges().getFirst();
                res.header(HeaderNames.CONTENT_RANGE, "bytes " + r.first() + "-" + r.last() + "/" + stat.size());
                body(res, Status.PARTIAL_CONTENT_206, key, r.first(), r.length(), contentType, head);
            }
            case ByteRanges.Partial p -> multipart(res, key, p.ranges(), stat.size(), contentType, head);
        }
    }

    private static boolean notModified(ServerRequest req, MediaStorage.Stat stat, String lastModified) {
        Optional<String> inm = req.headers().first(HeaderNames.IF_NONE_MATCH);
        if (inm.isPresent()) {
            return inm.get().equals("*") || List.of(inm.get().split("\\s*,\\s*")).contains(stat.etag());
        }
        return req.headers().first(HeaderNames.IF_MODIFIED_SINCE).map(lastModified::equals).orElse(false);
    }

    private void body(ServerResponse res, Status status, String key, long offset, long length, String contentType,
                      boolean head) throws IOException {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
        if (head) {
            res.send();
            return;
        }
        try (InputStream in = storage.open(key, offset, length); OutputStream out = res.outputStream()) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.readNBytes(buf, 0, BUFFER)) > 0; ) {
                out.write(buf, 0, n);
            }
        }
    }

    private void multipart(ServerResponse res, String key, List<ByteRanges.Range> ranges, long size, String contentType,
                           boolean head) throws IOException {
        String boundary = "lectern-" + UUID.randomUUID().toString().replace("-", "");
        long length = 0;
        for (ByteRanges.Range r : ranges) {
            length += partHeader(boundary, contentType, r, size).length + r.length();
        }
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        length += end.length;
        res.status(Status.PARTIAL_CONTENT_206);
        res.header(HeaderNames.CONTENT_TYPE, "multipart/byteranges; boundary=" + boundary);
        res.header(HeaderNames.CONTENT_LENGTH, Long.toString(length));
        if (head) {
            res.send();
            return;
        }
        try (OutputStream out = res.outputStream()) {
            byte[] buf = new byte[BUFFER];
            for (ByteRanges.Range r : ranges) {
                out.write(partHeader(boundary, contentType, r, size));
                try (InputStream in = storage.open(key, r.first(), r.length())) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                    }
                }
            }
            out.write(end);
        }
    }

    private static byte[] partHeader(String boundary, String contentType, ByteRanges.Range r, long size) {
        return ("\r\n--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: bytes " + r.first() + "-"
                + r.last() + "/" + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
