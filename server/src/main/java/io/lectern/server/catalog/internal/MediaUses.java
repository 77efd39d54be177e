package io.lectern.server.catalog.internal;

import io.lectern.model.catalog.Subtitle;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may play a media item: anyone, if it is the thumbnail of a course in the catalog; otherwise whoever may open
 * a lesson that uses it (as its video or PDF, or as a subtitle track) by the lesson access rules.
 */
final class MediaUses {

    private final Platform platform;
    private final LessonAccess access;

    MediaUses(Platform platform, LessonAccess access) {
        this.platform = platform;
        this.access = access;
    }

    Optional<List<Subtitle>> grant(Optional<Principal> caller, UUID mediaId) {
        var db = platform.db().execute();
        if (db.get("SELECT 1 FROM catalog.published_courses WHERE thumbnail_media_id = ? AND status = 'PUBLISHED' "
                + "LIMIT 1", mediaId).isPresent()) {
            return Optional.of(List.of());
        }
        String asSubtitle = "[{\"mediaId\": \"" + mediaId + "\"}]";
        List<UUID> lessons;
        try (var rows = db.query("""
                SELECT lesson_id AS id FROM catalog.published_lessons
                 WHERE content ->> 'mediaId' = ? OR content -> 'subtitles' @> ?::jsonb
                UNION
                SELECT id FROM catalog.lessons
                 WHERE content ->> 'mediaId' = ? OR content -> 'subtitles' @> ?::jsonb
                LIMIT 50""", mediaId.toString(), asSubtitle, mediaId.toString(), asSubtitle)) {
            lessons = rows.map(r -> Rows.uuid(r, "id")).toList();
        }
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
}
