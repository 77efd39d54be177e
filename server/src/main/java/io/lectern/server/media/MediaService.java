package io.lectern.server.media;

import io.lectern.server.media.internal.MediaCore;
import java.util.UUID;

/**
 * The media module's facade: whether a media id exists, and the port through which the catalog decides who may
 * play what.
 */
public final class MediaService {

    private final MediaCore core;

    MediaService(MediaCore core) {
        this.core = core;
    }

    /** Plugs in who may play media used by lessons (the catalog's lesson access rules). */
    public void usePlaybackCheck(PlaybackCheck check) {
        core.usePlaybackCheck(check);
    }

    /** Whether a media item was uploaded by {@code userId} for {@code purpose} and is ready (submissions). */
    public boolean isReadyUpload(UUID mediaId, UUID userId, io.lectern.model.media.MediaPurpose purpose) {
        return core.isReadyUpload(mediaId, userId, purpose);
    }

    /** A processed PDF's page count. */
    public java.util.Optional<Integer> pageCount(UUID mediaId) {
        return core.pageCount(mediaId);
    }

    public boolean exists(UUID mediaId) {
        return core.exists(mediaId);
    }

    /** The bytes of an uploaded image (logos, signatures on certificates); empty when it is not a ready image. */
    public java.util.Optional<byte[]> imageBytes(UUID mediaId) {
        return core.imageBytes(mediaId);
    }

    /** Whether videos get HLS renditions here (ffmpeg and ffprobe were found at start). */
    public boolean transcodes() {
        return core.ffmpegAvailable();
    }

    /** Where media are stored, for the start-up banner. */
    public String storage() {
        return core.storageDescription();
    }
}
