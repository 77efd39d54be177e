package io.lectern.server.media.internal.delivery;

import io.lectern.model.catalog.Subtitle;
import io.lectern.model.media.MediaPurpose;
import io.lectern.server.media.PlaybackCheck;
import io.lectern.server.media.internal.MediaStore;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.media.MediaSettings;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who may play what, and the signed URLs they get: the owner and admins always; others as the catalog's
 * {@link PlaybackCheck} says (enrolled, preview, course staff, course thumbnails).
 */
public final class Playback {

    private final Database db;
    private final Clock clock;
    private final MediaSettings mediaSettings;
    private final MediaStore repo;
    private final UrlSigner signer;
    private final List<PlaybackCheck> checks = new CopyOnWriteArrayList<>();

    public Playback(Database db, Clock clock, MediaSettings mediaSettings, MediaStore repo, UrlSigner signer) {
        this.db = db;
        this.clock = clock;
        this.mediaSettings = mediaSettings;
        this.repo = repo;
        this.signer = signer;
    }

    /** A media item's stored facts (type, file name), for serving its original file. */
    public Optional<MediaStore.Media> media(UUID id) {
        return repo.media(db.execute(), id);
    }

    public void add(PlaybackCheck playbackCheck) {
        checks.add(playbackCheck);
    }

    public io.lectern.model.media.Playback urls(Optional<Principal> caller, UUID id, String base) {
        MediaStore.Media media = repo.media(db.execute(), id)
                .orElseThrow(() -> ApiException.notFound("This media"));
        List<Subtitle> subtitles = entitlement(caller, media);
        if (!"READY".equals(media.view().status())) {
            throw new ApiException(409, "media.not_ready", "FAILED".equals(media.view().status())
                    ? "This media could not be processed: " + media.view().error()
                    : "This media is still being processed (" + media.view().progress() + " %); try again shortly.")
                    .with("status", media.view().status()).with("progress", media.view().progress());
        }
        String user = caller.map(p -> p.userId().toString()).orElse("anonymous");
        Instant now = clock.instant();
        caller.ifPresent(p -> repo.granted(db.execute(), p.userId(), id, now));
        Instant expires = now.plus(mediaSettings.urlTtl());
        List<String> r = media.view().renditions();
        boolean video = media.view().purpose() == MediaPurpose.VIDEO;
        String file = video ? null : url(base, id, user, "original", expires);
        List<io.lectern.model.media.Playback.SubtitleTrack> tracks = new ArrayList<>();
        List<SubtitlePlaylists.Track> hlsTracks = new ArrayList<>();
        for (Subtitle s : subtitles) {
            if (!mayPlay(caller, s.mediaId())) {
                continue; // a track someone put there without the right to: not handed out
            }
            tracks.add(new io.lectern.model.media.Playback.SubtitleTrack(s.language(),
                    url(base, s.mediaId(), user, "original", expires)));
            hlsTracks.add(new SubtitlePlaylists.Track(s.language(), s.mediaId()));
        }
        return new io.lectern.model.media.Playback(
                r.contains("hls") ? master(base, media, user, expires, hlsTracks) : null,
                video ? url(base, id, user, r.contains("mp4") ? "video.mp4" : "original", expires) : null,
                r.contains("poster") ? url(base, id, user, "poster.jpg", expires) : null,
                r.contains("sprite") ? url(base, id, user, "sprite.vtt", expires) : null,
                tracks, file, file == null ? null : file + "&download=1", expires);
    }

    private List<Subtitle> entitlement(Optional<Principal> caller, MediaStore.Media media) {
        boolean mine = mine(caller, media);
        Optional<List<Subtitle>> granted = grant(caller, media.view().id(), media.ownerId());
        if (granted.isPresent()) {
            return granted.get();
        }
        if (mine) {
            return List.of();
        }
        if (caller.isEmpty()) {
            throw new ApiException(401, "auth.required", "Sign in and enroll in the course to watch this.");
        }
        throw new ApiException(403, "media.not_entitled", "Enroll in the course that uses this media to watch it.");
    }

    private Optional<List<Subtitle>> grant(Optional<Principal> caller, UUID id, UUID ownerId) {
        for (PlaybackCheck check : checks) {
            Optional<List<Subtitle>> granted = check.grant(caller, id, ownerId);
            if (granted.isPresent()) {
                return granted;
            }
        }
        return Optional.empty();
    }

    /** The master playlist's URL; with subtitle tracks, they are part of what it signs. */
    private String master(String base, MediaStore.Media media, String user, Instant expires,
                          List<SubtitlePlaylists.Track> tracks) {
        UUID id = media.view().id();
        if (tracks.isEmpty()) {
            return url(base, id, user, "hls/master.m3u8", expires);
        }
        long duration = (long) Math.ceil(media.view().durationSec() == null ? 0 : media.view().durationSec());
        String subs = SubtitlePlaylists.param(tracks);
        return base + "/api/v1/media/" + id + "/files/hls/master.m3u8?" + signer.sign(id, user, "hls/master.m3u8",
                expires, SubtitlePlaylists.masterExtra(subs, duration)).query() + "&subs=" + subs + "&d=" + duration;
    }

    /** Whether the caller may play this media item on its own (a subtitle track of the item they play). */
    private boolean mayPlay(Optional<Principal> caller, UUID id) {
        return repo.media(db.execute(), id).map(m -> mine(caller, m)
                || grant(caller, id, m.ownerId()).isPresent()).orElse(false);
    }

    /** Its owner and admins may always play a media item. */
    private static boolean mine(Optional<Principal> caller, MediaStore.Media media) {
        return caller.map(p -> p.isAdmin() || p.userId().equals(media.ownerId())).orElse(false);
    }

    String url(String base, UUID id, String user, String path, Instant expires) {
        return base + "/api/v1/media/" + id + "/files/" + path + "?" + signer.sign(id, user, path, expires).query();
    }

    /** Rewrites an HLS playlist so each URI it lists carries its own signature (same user and expiry). */
    static String signPlaylist(String playlist, String dir, UUID id, String user, Instant expires, UrlSigner signer) {
        StringBuilder out = new StringBuilder();
        for (String line : playlist.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            String path = dir.isEmpty() ? l : dir + "/" + l;
            out.append(l).append('?').append(signer.sign(id, user, path, expires).query()).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }
}
