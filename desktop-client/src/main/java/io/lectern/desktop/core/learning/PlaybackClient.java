package io.lectern.desktop.core.learning;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.media.Playback;
import java.util.UUID;

/** Signed playback URLs for a media item (they expire; ask again when they do). */
public final class PlaybackClient {

    private final ApiClient api;
    private final Session session;

    public PlaybackClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    public Playback playback(UUID mediaId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/media/" + mediaId + "/playback", Playback.class, token));
    }

    /** A small text file of a media item (a playlist, a thumbnail track) by its signed URL. */
    public String text(String signedUrl) throws ApiError, ServerUnreachableException {
        return new String(api.bytes(signedUrl, null), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The file itself (a PDF), read into memory through its signed URL. */
    public byte[] file(UUID mediaId) throws ApiError, ServerUnreachableException, SessionEndedException {
        Playback p = playback(mediaId);
        if (p.fileUrl() == null) {
            throw new ApiError(new io.lectern.model.common.ApiProblem("about:blank", "Not ready", 409,
                    tr("playback.fileNotReady"), "media.not_ready", null, null, null));
        }
        return api.bytes(p.fileUrl(), null);
    }
}
