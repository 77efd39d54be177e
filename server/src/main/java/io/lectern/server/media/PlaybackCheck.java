package io.lectern.server.media;

import io.lectern.model.catalog.Subtitle;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port other modules plug in to say who may play a media item besides its owner and admins: the catalog (a lesson the
 * caller may open, a free preview, a course thumbnail), learning (the staff of the course a file was handed in to).
 * A grant must follow where the media legitimately belongs: a place its uploader ({@code ownerId}) teaches or learns
 * in, never merely a place that mentions its id.
 */
@FunctionalInterface
public interface PlaybackCheck {

    /** Empty: not entitled through this module. Otherwise the subtitle tracks that go with it there. */
    Optional<List<Subtitle>> grant(Optional<Principal> caller, UUID mediaId, UUID ownerId);
}
