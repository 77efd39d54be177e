package io.lectern.model.catalog;

import java.util.UUID;

/**
 * An instructor of a course.
 *
 * @param id          user id
 * @param displayName name
 * @param owner       whether this is the course's owner (co-instructors are not)
 */
public record InstructorRef(UUID id, String displayName, boolean owner) {
}
