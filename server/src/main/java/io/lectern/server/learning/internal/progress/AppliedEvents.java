package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Client event ids already applied, per learner: claiming returns the ids that are new (to apply now). */
public final class AppliedEvents {

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
}
