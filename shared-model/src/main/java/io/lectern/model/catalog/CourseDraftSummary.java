package io.lectern.model.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A course in an instructor's studio list.
 *
 * @param id                    course id
 * @param slug                  URL name
 * @param title                 title
 * @param status                draft, published or archived
 * @param publishedVersion      how many times it was published
 * @param hasUnpublishedChanges whether the draft differs from what learners see
 * @param lessonCount           lessons in the draft
 * @param thumbnailMediaId      cover image
 * @param owner                 whether the caller owns it (else co-instructor, or admin)
 * @param updatedAt             last change
 */
public record CourseDraftSummary(UUID id, String slug, String title, CourseStatus status, int publishedVersion,
                                 boolean hasUnpublishedChanges, int lessonCount, UUID thumbnailMediaId, boolean owner,
                                 Instant updatedAt) {
}
