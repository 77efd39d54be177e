package io.lectern.model.catalog;

import java.util.List;
import java.util.UUID;

/**
 * Lesson fields to create or change; on PATCH absent (null) fields stay as they are.
 *
 * @param title           title (1–120)
 * @param type            type (required on create; changing it keeps only the content fields of the new type)
 * @param durationSec     expected duration in seconds
 * @param preview         open to anyone as a free preview
 * @param required        counts towards the course percentage and the certificate (default true)
 * @param content         type-specific content
 * @param prerequisiteIds lessons of the same course to finish first (cycles are rejected)
 */
public record LessonInput(String title, LessonType type, Integer durationSec, Boolean preview, Boolean required,
                          LessonContent content,
                          List<UUID> prerequisiteIds) {
}
