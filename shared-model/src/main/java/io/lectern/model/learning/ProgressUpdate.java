package io.lectern.model.learning;

import java.time.Instant;
import java.util.List;

/**
 * A progress heartbeat ({@code PUT /api/v1/lessons/{id}/progress}).
 *
 * @param positionSec   where the learner is (resume position)
 * @param watchedRanges seconds watched since the last heartbeat, as {@code [from, to]} pairs
 * @param spentSec      seconds of study since the last heartbeat (capped at 120 per heartbeat)
 * @param clientEventId the client's id for this heartbeat: a repeat applies once
 * @param clientTime    when it happened on the client (the latest position wins by this time)
 * @param timeZone      the learner's IANA time zone, for the daily streak (default UTC)
 * @param pagesViewed   PDF lessons: the pages (from 1) looked at; all pages viewed completes the lesson
 */
public record ProgressUpdate(Double positionSec, List<List<Double>> watchedRanges, Integer spentSec,
                             String clientEventId, Instant clientTime, String timeZone, List<Integer> pagesViewed) {
}
