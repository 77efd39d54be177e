package io.lectern.server.catalog.internal.lessons;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.List;
import java.util.UUID;

/**
 * Where courses and lessons use a media item: as a lesson's video, PDF or subtitles, or as a course thumbnail, in
 * drafts ({@code catalog.courses}, {@code catalog.lessons}) and in the catalog ({@code catalog.published_*}).
 */
final class MediaUseStore {

    /** Whether a published course of the owner's ({@code anywhere}: any course) shows the media as its thumbnail. */
    boolean isPublishedThumbnail(DbExecute db, UUID mediaId, UUID ownerId, boolean anywhere) {
        return db.get("""
                SELECT 1 FROM catalog.published_courses
                 WHERE thumbnail_media_id = ? AND status = 'PUBLISHED' AND (? OR ? = ANY (instructor_ids)) LIMIT 1""",
                mediaId, anywhere, ownerId).isPresent();
    }

    /** Lessons (published or draft) of courses the owner teaches ({@code anywhere}: any) that use the media. */
    List<UUID> lessonsUsing(DbExecute db, UUID mediaId, UUID ownerId, boolean anywhere) {
        String asSubtitle = "[{\"mediaId\": \"" + mediaId + "\"}]";
        try (var rows = db.query("""
                SELECT l.lesson_id AS id FROM catalog.published_lessons l
                  JOIN catalog.published_courses c ON c.course_id = l.course_id
                 WHERE (l.content ->> 'mediaId' = ? OR l.content -> 'subtitles' @> ?::jsonb)
                   AND (? OR ? = ANY (c.instructor_ids))
                UNION
                SELECT l.id FROM catalog.lessons l
                 WHERE (l.content ->> 'mediaId' = ? OR l.content -> 'subtitles' @> ?::jsonb)
                   AND (? OR EXISTS (SELECT 1 FROM catalog.course_instructors i
                                      WHERE i.course_id = l.course_id AND i.user_id = ?))
                LIMIT 50""", mediaId.toString(), asSubtitle, anywhere, ownerId, mediaId.toString(), asSubtitle,
                anywhere, ownerId)) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    /** The places that use the media, described for a person ("the lesson "x" of "y""), at most 20. */
    List<String> places(DbExecute tx, UUID mediaId) {
        String asSubtitle = "[{\"mediaId\": \"" + mediaId + "\"}]";
        try (var rows = tx.query("""
                SELECT format('the lesson "%s" of "%s"%s', l.title, c.title,
                              CASE WHEN p.lesson_id IS NULL THEN ' (draft)' ELSE '' END) AS place
                  FROM catalog.lessons l JOIN catalog.courses c ON c.id = l.course_id
                  LEFT JOIN catalog.published_lessons p ON p.lesson_id = l.id
                 WHERE l.content ->> 'mediaId' = ? OR l.content -> 'subtitles' @> ?::jsonb
                UNION
                SELECT format('the published lesson "%s" of "%s"', p.title, c.title)
                  FROM catalog.published_lessons p JOIN catalog.published_courses c ON c.course_id = p.course_id
                 WHERE (p.content ->> 'mediaId' = ? OR p.content -> 'subtitles' @> ?::jsonb)
                UNION
                SELECT format('the thumbnail of "%s"', title) FROM catalog.courses WHERE thumbnail_media_id = ?
                UNION
                SELECT format('the published thumbnail of "%s"', title) FROM catalog.published_courses
                 WHERE thumbnail_media_id = ?
                ORDER BY 1 LIMIT 20""", mediaId.toString(), asSubtitle, mediaId.toString(), asSubtitle, mediaId,
                mediaId)) {
            return rows.map(r -> Rows.text(r, "place")).toList();
        }
    }
}
