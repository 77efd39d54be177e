package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of learning.learner_zones: the time zone each learner's client last named. */
public final class LearnerZoneStore {

    /** Stores a learner's zone (an IANA id); the row is left alone when the zone is the same. */
    void save(DbExecute db, UUID userId, String zoneId) {
        db.update("""
                INSERT INTO learning.learner_zones AS z (user_id, zone) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET zone = excluded.zone WHERE z.zone <> excluded.zone""",
                userId, zoneId);
    }

    /** The zone a learner's client last named, if any did. */
    Optional<ZoneId> find(DbExecute db, UUID userId) {
        return db.get("SELECT zone FROM learning.learner_zones WHERE user_id = ?", userId)
                .map(r -> ZoneId.of(Rows.text(r, "zone")));
    }

    /** A learner's stored zone, for their data export. */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT zone FROM learning.learner_zones WHERE user_id = ?", userId);
    }

    /** Forgets a learner's zone (account deletion). */
    public void eraseFor(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.learner_zones WHERE user_id = ?", userId);
    }
}
