package io.lectern.model.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A review as shown under a course.
 *
 * @param id         review id
 * @param courseId   course
 * @param authorId   author
 * @param authorName author's name at the time of writing
 * @param rating     stars
 * @param body       text
 * @param createdAt  written
 * @param updatedAt  last edited
 * @param reply      the instructor's reply, if any
 * @param hidden     hidden by an admin (only the author and admins see hidden reviews)
 * @param hiddenReason why it was hidden (author and admins only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(UUID id, UUID courseId, UUID authorId, String authorName, int rating, String body,
                         Instant createdAt, Instant updatedAt, Reply reply, boolean hidden,
                         String hiddenReason) {

    /**
     * An instructor's answer.
     *
     * @param body       text
     * @param authorName instructor's name
     * @param at         when
     */
    public record Reply(String body, String authorName, Instant at) {
    }
}
