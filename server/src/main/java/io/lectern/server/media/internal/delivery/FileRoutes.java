package io.lectern.server.media.internal.delivery;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.server.media.internal.MediaStore;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.media.internal.storage.StorageKeys;
import java.time.Clock;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/media/{id}/playback} hands out signed URLs; {@code GET|HEAD /api/v1/media/{id}/files/{path}}
 * serves them (no sign-in: the signature is the permission). HLS playlists are signed line by line on the way out.
 */
public final class FileRoutes {

    private static final Map<String, String> TYPES = Map.of("m3u8", "application/vnd.apple.mpegurl", "ts", "video/mp2t",
            "mp4", "video/mp4", "jpg", "image/jpeg", "png", "image/png", "vtt", "text/vtt; charset=utf-8");

    private final Clock clock;
    private final Json json;
    private final boolean trustForwardedFor;
    private final int port;
    private final UrlSigner signer;
    private final Playback playback;
    private final FileServer files;

    public FileRoutes(Clock clock, Json json, boolean trustForwardedFor, int port,
                      UrlSigner signer, Playback playback, MediaStorage storage) {
        this.clock = clock;
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.port = port;
        this.signer = signer;
        this.playback = playback;
        this.files = new FileServer(storage);
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/media/{id}/playback", Access.PUBLIC, (req, res) -> json.write(res, 200,
                        playback.urls(Authz.current(req), PathParams.uuid(req, "id", "This media"), base(req))))
                .get("/api/v1/media/{id}/files/{+path}", Access.PUBLIC, this::file)
                .add(Method.HEAD, "/api/v1/media/{id}/files/{+path}", Access.PUBLIC, this::file);
    }

    private void file(ServerRequest req, ServerResponse res) throws IOException {
        UUID id = PathParams.uuid(req, "id", "This media");
        String path = PathParams.text(req, "path");
        var q = req.query();
        String user = q.first("u").orElse(null);
        String expires = q.first("e").orElse(null);
        Optional<List<SubtitlePlaylists.Track>> tracks = path.equals("hls/master.m3u8") && q.contains("subs")
                ? SubtitlePlaylists.tracks(q.first("subs").orElse(null)) : Optional.empty();
        String d = q.first("d").filter(v -> v.matches("\\d{1,7}")).orElse(null);
        String extra = tracks.isPresent() && d != null ? SubtitlePlaylists.masterExtra(q.first("subs").get(), Long.parseLong(d))
                : path.equals(SubtitlePlaylists.PLAYLIST) && d != null ? SubtitlePlaylists.trackExtra(Long.parseLong(d)) : "";
        if (!StorageKeys.valid(path) || !signer.verify(id, path, user, expires, q.first("s").orElse(null),
                clock.instant(), extra)) {
            boolean expired = expires != null && expires.matches("\\d{1,12}")
                    && Long.parseLong(expires) < clock.instant().getEpochSecond();
            throw new ApiException(403, expired ? "media.url_expired" : "media.bad_signature", expired
                    ? "This link has expired; ask for a new one (GET /api/v1/media/{id}/playback)."
                    : "This link is not valid for this file.");
        }
        // uploaded files are shown, never run: no scripts, plugins or forms from this origin
        res.header(HeaderNames.create("Content-Security-Policy"), "sandbox; default-src 'none'; img-src 'self'; "
                + "media-src 'self'; style-src 'unsafe-inline'");
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (path.equals("original")) { // renditions need no lookup: the signature vouches, the extension types them
            MediaStore.Media media = playback.media(id)
                    .orElseThrow(() -> ApiException.notFound("This media"));
            type = media.view().contentType();
            boolean download = q.first("download").map("1"::equals).orElse(false);
            res.header(HeaderNames.CONTENT_DISPOSITION, (download ? "attachment" : "inline") + "; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(media.view().filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        Instant until = Instant.ofEpochSecond(Long.parseLong(expires));
        if (path.equals(SubtitlePlaylists.PLAYLIST)) {
            String vtt = "original?" + signer.sign(id, user, "original", until).query();
            send(req, res, SubtitlePlaylists.track(Long.parseLong(d), vtt), TYPES.get("m3u8"));
            return;
        }
        if (ext.equals("m3u8") || path.equals("sprite.vtt")) {
            signed(req, res, id, path, user, until, tracks.map(t -> Map.entry(t, Long.parseLong(d))));
            return;
        }
        files.send(req, res, id + "/" + path, type, "private, max-age=3600");
    }

    /** Playlists and the sprite map list other files: each reference gets its own signature on the way out. */
    private void signed(ServerRequest req, ServerResponse res, UUID id, String path, String user, Instant expires,
                        Optional<Map.Entry<List<SubtitlePlaylists.Track>, Long>> subtitles) throws IOException {
        String text;
        try (InputStream in = storageOpen(id + "/" + path)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String signedText = path.endsWith(".vtt") ? text.replace("sprite.jpg#", "sprite.jpg?"
                + signer.sign(id, user, "sprite.jpg", expires).query() + "#")
                : Playback.signPlaylist(text, dir, id, user, expires, signer);
        if (subtitles.isPresent()) {
            signedText = SubtitlePlaylists.withTracks(signedText, subtitles.get().getKey(), subtitles.get().getValue(),
                    user, expires, signer);
        }
        send(req, res, signedText, TYPES.get(path.endsWith(".vtt") ? "vtt" : "m3u8"));
    }

    /** A text the server wrote for this URL (a signed playlist, a sprite map): never cached, as its signatures expire. */
    private static void send(ServerRequest req, ServerResponse res, String text, String type) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CACHE_CONTROL, "private, no-store");
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            res.send();
            return;
        }
        res.send(body);
    }

    private InputStream storageOpen(String key) throws IOException {
        return files.open(key).orElseThrow(() -> ApiException.notFound("This file"));
    }

    /** The address the caller reached us at, for absolute URLs players can open. */
    private String base(ServerRequest req) {
        String host = req.headers().first(HeaderNames.HOST).filter(h -> h.matches("[A-Za-z0-9.\\[\\]:-]{1,255}"))
                .orElse("localhost:" + port);
        boolean https = trustForwardedFor
                && req.headers().first(HeaderNames.X_FORWARDED_PROTO).map("https"::equals).orElse(false);
        return (https ? "https://" : "http://") + host;
    }
}
