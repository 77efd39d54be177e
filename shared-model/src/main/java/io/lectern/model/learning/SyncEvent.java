package io.lectern.model.learning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One queued offline action. {@code type} says which fields matter:
 * HEARTBEAT (lessonId, positionSec, watchedRanges, spentSec), COMPLETE (lessonId), NOTE_UPSERT (noteId, lessonId,
 * kind, positionSec, body), NOTE_DELETE (noteId), QUIZ_ATTEMPT (quizId, answers, startedAt; untimed quizzes only),
 * ASSIGNMENT_DRAFT (lessonId of the assignment, body).
 *
 * @param id            the client's event id (idempotency)
 * @param type          event type
 * @param clientTime    when it happened on the client
 * @param lessonId      lesson
 * @param positionSec   position or note time
 * @param watchedRanges watched {@code [from, to]} pairs
 * @param spentSec      study seconds
 * @param noteId        note
 * @param kind          NOTE or BOOKMARK
 * @param body          note text or assignment draft
 * @param quizId        quiz of an offline attempt
 * @param answers       the attempt's answers by question id
 * @param startedAt     when the offline attempt began
 * @param pagesViewed   HEARTBEAT of a PDF lesson: pages (from 1) looked at
 */
public record SyncEvent(String id, String type, Instant clientTime, UUID lessonId, Double positionSec,
                        List<List<Double>> watchedRanges, Integer spentSec, UUID noteId, String kind, String body,
                        UUID quizId, java.util.Map<String, Object> answers, Instant startedAt,
                        List<Integer> pagesViewed) {
}
