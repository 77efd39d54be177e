package io.lectern.model.learning;

import java.util.List;

/**
 * {@code POST /api/v1/sync}: queued events and the cursor of the client's last sync.
 *
 * @param events   at most 20,000 events, in any order
 * @param cursor   the {@code cursor} of the previous answer (null the first time)
 * @param timeZone the learner's IANA time zone (streak days)
 */
public record SyncRequest(List<SyncEvent> events, String cursor, String timeZone) {
}
