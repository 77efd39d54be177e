package io.lectern.server.media;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.media.MediaPurpose;
import io.lectern.server.media.internal.MediaCore;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The media module's facade: whether a media id exists, and the port through which the catalog decides who may
 * play what.
 */
public final class MediaService {

    private final MediaCore core;

    MediaService(MediaCore core) {
        this.core = core;
    }

    /** What media keeps about people (their files): for the data export and account deletion. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return core.personalData();
    }

    /** Adds a place media can be used (lessons, submissions, ...): media in use are not deleted. */
    public void addUse(MediaUse use) {
        core.addUse(use);
    }

    /** Adds a rule of who may play media (the catalog's lesson access, learning's submissions); any may grant. */
    public void addPlaybackCheck(PlaybackCheck check) {
        core.addPlaybackCheck(check);
    }

    /** Whether a media item was uploaded by {@code userId} for {@code purpose} and is ready (submissions). */
    public boolean isReadyUpload(UUID mediaId, UUID userId, io.lectern.model.media.MediaPurpose purpose) {
        return core.isReadyUpload(mediaId, userId, purpose);
    }

    /**
     * Why a media item may not go where {@code field} points (a lesson's video, a course thumbnail, a certificate's
     * logo), or empty when it may: it must be one of {@code purposes} and uploaded by someone {@code allowedOwners}
     * accepts (the caller, the course's staff). An unknown id and someone else's get the same answer, so ids cannot be
     * probed. Reads with the caller's transaction.
     */
    public Optional<FieldViolation> attachRefusal(DbExecute tx, UUID mediaId, Predicate<UUID> allowedOwners, String field,
                                                  Set<MediaPurpose> purposes) {
        return core.attachRefusal(tx, mediaId, allowedOwners, field, purposes);
    }

    /** What the media items with these ids are (name, type, size, status); unknown ids are left out. */
    public java.util.Map<UUID, io.lectern.model.media.MediaView> describe(DbExecute db, Collection<UUID> ids) {
        return core.describe(db, ids);
    }

    /**
     * When the user first got signed URLs for this media item (to play or download it), read with the caller's
     * transaction: nobody can have watched more of a video than the time since then allows.
     */
    public Optional<java.time.Instant> firstPlayback(DbExecute db, UUID userId, UUID mediaId) {
        return core.firstPlayback(db, userId, mediaId);
    }

    /** A processed PDF's page count. */
    public java.util.Optional<Integer> pageCount(DbExecute db, UUID mediaId) {
        return core.pageCount(db, mediaId);
    }

    /** The bytes of an uploaded image (logos, signatures on certificates); empty when it is not a ready image. */
    public java.util.Optional<byte[]> imageBytes(UUID mediaId) {
        return core.imageBytes(mediaId);
    }

}
