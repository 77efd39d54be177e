package io.lectern.model.commerce;

import java.util.UUID;

/**
 * The instructors' share that applies to an instructor or a course.
 *
 * @param scope             INSTRUCTOR or COURSE
 * @param subjectId         the instructor or course
 * @param override          the override set here, or null
 * @param effectivePercent  what applies (a course's override beats its instructor's, which beats the default)
 */
public record RevenueShare(String scope, UUID subjectId, Integer override, int effectivePercent) {
}
