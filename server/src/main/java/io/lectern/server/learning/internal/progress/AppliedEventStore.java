package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL of learning.applied_events: client event ids already applied, per learner; claiming returns the new ones. */
public final class AppliedEventStore {

    /** Claims event ids for a learner; returns the ids that are new (to apply now). */
    public Set<String> claim(DbExecute tx, UUID userId, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        try (var rows = tx.query("""
                INSERT INTO learning.applied_events (user_id, event_id, applied_at)
                SELECT ?, e, now() FROM unnest(?::text[]) AS e
                ON CONFLICT DO NOTHING RETURNING event_id""", userId, eventIds.toArray(String[]::new))) {
            return rows.map(r -> Rows.text(r, "event_id")).collect(Collectors.toSet());
        }
    }

    /** How many of a learner's events were applied, for their data export. */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT count(*) AS events FROM learning.applied_events WHERE user_id = ?", userId);
    }

    /** Forgets a learner's applied events (account deletion). */
    public void eraseFor(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.applied_events WHERE user_id = ?", userId);
    }
}
