package io.lectern.model.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * Creates or changes a note.
 *
 * @param id          optional client-chosen id (create)
 * @param kind        NOTE (default) or BOOKMARK
 * @param positionSec video time, optional
 * @param body        text, at most 10,000 characters
 * @param clientTime  when the change was made (default: now)
 */
public record NoteInput(UUID id, String kind, Double positionSec, String body, Instant clientTime) {
}
