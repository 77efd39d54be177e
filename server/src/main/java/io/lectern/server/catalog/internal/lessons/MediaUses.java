package io.lectern.server.catalog.internal.lessons;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.LessonContent;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.Subtitle;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.identity.Role;
import io.lectern.model.media.MediaPurpose;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Media in courses. Putting a media id into a lesson or a course's thumbnail needs the right to use it (the caller's
 * own upload, or one of the course's staff's; admins may also use admins' uploads). Playing it follows where it legitimately
 * belongs: anyone, if it is the thumbnail of a course in the catalog; otherwise whoever may open a lesson that uses
 * it (as its video or PDF, or as a subtitle track) — counting only courses its uploader teaches, so an id copied into
 * someone else's course opens nothing.
 */
public final class MediaUses {

    private final Database database;
    private final MediaUseStore store = new MediaUseStore();
    private final LessonAccess access;
    private final MediaService media;
    private final IdentityService identity;

    public MediaUses(Database database, LessonAccess access, MediaService media, IdentityService identity) {
        this.database = database;
        this.access = access;
        this.media = media;
        this.identity = identity;
    }

    public Optional<List<Subtitle>> grant(Optional<Principal> caller, UUID mediaId, UUID ownerId) {
        DbExecute db = database.execute();
        boolean anywhere = identity.findById(db, ownerId).map(u -> u.role() == Role.ADMIN).orElse(false);
        if (store.isPublishedThumbnail(db, mediaId, ownerId, anywhere)) {
            return Optional.of(List.of());
        }
        List<UUID> lessons = store.lessonsUsing(db, mediaId, ownerId, anywhere);
        for (UUID lesson : lessons) {
            try {
                List<Subtitle> subtitles = access.decide(caller, lesson).lesson().content().subtitles();
                return Optional.of(subtitles == null ? List.of() : subtitles);
            } catch (ApiException refused) {
                // not through this lesson; another may grant it
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses (400 naming the fields) media in a lesson's content that the caller may not use in this course; ids
     * already there ({@code before}) are left alone, so a co-instructor can edit a lesson holding a colleague's video.
     */
    public void requireUsable(DbExecute tx, Principal caller, Collection<UUID> staff, LessonType type, LessonContent content,
                       LessonContent before) {
        List<FieldViolation> refused = new ArrayList<>();
        Set<UUID> old = before == null ? Set.of() : ids(before);
        Predicate<UUID> owners = identity.mediaOwnersFor(tx, caller, staff);
        if (content.mediaId() != null && !old.contains(content.mediaId())) {
            media.attachRefusal(tx, content.mediaId(), owners, "content.mediaId",
                    Set.of(type == LessonType.PDF ? MediaPurpose.DOCUMENT : MediaPurpose.VIDEO)).ifPresent(refused::add);
        }
        List<Subtitle> subtitles = content.subtitles() == null ? List.of() : content.subtitles();
        for (int i = 0; i < subtitles.size(); i++) {
            UUID id = subtitles.get(i).mediaId();
            if (id != null && !old.contains(id)) {
                media.attachRefusal(tx, id, owners, "content.subtitles[" + i + "].mediaId",
                        Set.of(MediaPurpose.SUBTITLE)).ifPresent(refused::add);
            }
        }
        if (!refused.isEmpty()) {
            throw ApiException.invalid(refused);
        }
    }

    /** The same for a course's thumbnail. */
    public void requireUsableImage(DbExecute tx, Principal caller, Collection<UUID> staff, UUID image, UUID before) {
        if (image != null && !image.equals(before)) {
            media.attachRefusal(tx, image, identity.mediaOwnersFor(tx, caller, staff), "thumbnailMediaId",
                            Set.of(MediaPurpose.IMAGE))
                    .ifPresent(v -> {
                        throw ApiException.invalid(List.of(v));
                    });
        }
    }

    /** Where the catalog uses a media item: lessons (as their video, PDF or subtitles) and course thumbnails. */
    public List<String> usesOf(DbExecute tx, UUID mediaId) {
        return store.places(tx, mediaId);
    }

    private static Set<UUID> ids(LessonContent c) {
        Set<UUID> ids = new java.util.HashSet<>();
        ids.add(c.mediaId());
        if (c.subtitles() != null) {
            c.subtitles().stream().map(Subtitle::mediaId).forEach(ids::add);
        }
        ids.removeIf(Objects::isNull);
        return ids;
    }
}
