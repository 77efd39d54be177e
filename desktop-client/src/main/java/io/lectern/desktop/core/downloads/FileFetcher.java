package io.lectern.desktop.core.downloads;

import static io.lectern.desktop.core.i18n.Messages.tr;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one signed URL into a sealed file, continuing after what an earlier attempt sealed (an HTTP range
 * request), reporting progress about every 256 KiB and stopping between reads when asked.
 */
final class FileFetcher {

    /** How a fetch ended. */
    enum Outcome { DONE, STOPPED }

    /** Bytes received so far of the total. */
    interface Progress {
        void update(long received, long total);
    }

    private static final Pattern TOTAL = Pattern.compile("bytes \\d+-\\d+/(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    Outcome fetch(String url, Path file, SealedFiles files, long room, Progress progress, BooleanSupplier stop)
            throws IOException {
        long total = size(url);
        if (total > room) {
            throw new IOException(tr("downloads.error.room", mb(total), mb(Math.max(0, room))));
        }
        try (SealedFiles.Writer out = files.writer(file, total)) {
            if (out.complete()) {
                progress.update(total, total);
                return Outcome.DONE;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
            if (out.sealed() > 0) {
                request.header("Range", "bytes=" + out.sealed() + "-");
            }
            HttpResponse<InputStream> r = send(request.GET().build());
            if (r.statusCode() != 200 && r.statusCode() != 206) {
                r.body().close();
                throw new IOException(problem(r.statusCode()));
            }
            try (InputStream in = r.body()) {
                if (r.statusCode() == 200 && out.sealed() > 0) {
                    in.skipNBytes(out.sealed()); // the server ignored the range: skip what we have
                }
                return copy(in, out, total, progress, stop);
            }
        }
    }

    private static Outcome copy(InputStream in, SealedFiles.Writer out, long total, Progress progress,
                                BooleanSupplier stop) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long reported = out.written();
        progress.update(reported, total);
        while (!out.complete()) {
            if (stop.getAsBoolean()) {
                return Outcome.STOPPED;
            }
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException(tr("downloads.error.closed"));
            }
            out.write(buffer, 0, n);
            if (out.written() - reported >= SealedFiles.CHUNK || out.complete()) {
                reported = out.written();
                progress.update(reported, total);
            }
        }
        return Outcome.DONE;
    }

    /** The file's size, from a one-byte range request (signed URLs are per method, so no HEAD). */
    private long size(String url) throws IOException {
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Range", "bytes=0-0").GET().build());
        try {
            if (r.statusCode() == 206) {
                Matcher m = TOTAL.matcher(r.headers().firstValue("Content-Range").orElse(""));
                if (m.matches()) {
                    return Long.parseLong(m.group(1));
                }
            }
            if (r.statusCode() == 200) {
                return r.headers().firstValueAsLong("Content-Length").orElseThrow(() -> new IOException(
                        tr("downloads.error.noSize")));
            }
            throw new IOException(problem(r.statusCode()));
        } finally {
            r.body().close();
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
            throw new IOException(tr("downloads.error.unreachable"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(tr("downloads.error.interrupted"), e);
        }
    }

    private static String problem(int status) {
        return switch (status) {
            case 403, 410 -> tr("downloads.error.expired");
            case 404 -> tr("downloads.error.gone");
            default -> tr("downloads.error.status", Integer.toString(status));
        };
    }

    private static long mb(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }
}
