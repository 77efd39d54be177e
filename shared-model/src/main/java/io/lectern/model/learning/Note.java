package io.lectern.model.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A private note or bookmark on a lesson, optionally at a video time.
 *
 * @param id          note id (the client may choose it, for offline creation)
 * @param lessonId    lesson
 * @param courseId    course
 * @param kind        NOTE or BOOKMARK
 * @param positionSec video time, if any
 * @param body        text (Markdown)
 * @param deleted     a tombstone: deleted (kept so offline clients learn of it)
 * @param updatedAt   the client time of the last change (last writer wins)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Note(UUID id, UUID lessonId, UUID courseId, String kind, Double positionSec, String body, boolean deleted,
                   Instant updatedAt) {
}
