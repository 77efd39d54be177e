package io.lectern.server.identity;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.common.FieldViolation;
import java.util.Optional;
import java.util.UUID;

/** Port the media module fills: may this media item be the user's avatar (their own image upload)? */
@FunctionalInterface
public interface AvatarCheck {

    /** Why {@code mediaId} cannot be {@code userId}'s avatar, or empty when it can. */
    Optional<FieldViolation> refusal(DbExecute tx, UUID userId, UUID mediaId);

    /** Until media is plugged in: no avatars. */
    AvatarCheck NONE = (tx, userId, mediaId) -> Optional.of(new FieldViolation("avatarMediaId", "not_yours",
            "Avatars cannot be set on this server."));
}
