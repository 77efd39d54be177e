package io.lectern.desktop.core.catalog;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.model.media.Playback;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed image URLs of course thumbnails (anyone may see a published course's thumbnail), asked once per image and
 * reused until a minute before they expire.
 */
public final class Thumbnails {

    private record Signed(String url, java.time.Instant until) {
    }

    private final PlaybackClient playback;
    private final Clock clock;
    private final Map<UUID, Signed> cache = new ConcurrentHashMap<>();

    public Thumbnails(PlaybackClient playback, Clock clock) {
        this.playback = playback;
        this.clock = clock;
    }

    /** The image's URL; empty when it cannot be had (not ready, gone, offline). */
    public Optional<String> url(UUID mediaId) {
        Signed s = cache.get(mediaId);
        if (s != null && s.until().isAfter(clock.instant())) {
            return Optional.of(s.url());
        }
        try {
            Playback p = playback.playback(mediaId);
            String url = p.fileUrl() != null ? p.fileUrl() : p.posterUrl();
            if (url == null) {
                return Optional.empty();
            }
            java.time.Instant until = p.expiresAt() == null ? clock.instant().plus(Duration.ofMinutes(5))
                    : p.expiresAt().minus(Duration.ofMinutes(1));
            cache.put(mediaId, new Signed(url, until));
            return Optional.of(url);
        } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
            return Optional.empty();
        }
    }
}
