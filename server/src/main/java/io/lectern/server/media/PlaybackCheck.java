package io.lectern.server.media;

import io.lectern.model.catalog.Subtitle;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port the catalog plugs in: may this caller play this media item (through a lesson they may open, a free preview,
 * a course thumbnail, or as staff of the course), and which subtitle tracks go with it.
 */
@FunctionalInterface
public interface PlaybackCheck {

    /** Empty: not entitled. Otherwise the subtitle tracks of the lesson that grants it. */
    Optional<List<Subtitle>> grant(Optional<Principal> caller, UUID mediaId);

    /** Until the catalog is plugged in, only owners and admins play media. */
    PlaybackCheck NOBODY = (caller, mediaId) -> Optional.empty();
}
