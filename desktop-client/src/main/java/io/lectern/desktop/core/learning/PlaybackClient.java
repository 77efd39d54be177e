package io.lectern.desktop.core.learning;

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
}
