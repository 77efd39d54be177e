package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

/**
 * The zone a learner's study days count in: the one their client last named, else the zone in their profile. One
 * zone for all activity keeps the streak honest; mixing zones would count the same evening as two days.
 */
public final class LearnerZones {

    private final Function<UUID, ZoneId> profileZone;

    public LearnerZones(Function<UUID, ZoneId> profileZone) {
        this.profileZone = profileZone;
    }

    /** Remembers the zone a request named, for later reads that name none; a request naming none changes nothing. */
    public void remember(DbExecute db, UUID userId, String given) {
        if (given == null || given.isBlank()) {
            return;
        }
        db.update("""
                INSERT INTO learning.learner_zones AS z (user_id, zone) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET zone = excluded.zone WHERE z.zone <> excluded.zone""",
                userId, Zones.of(given).getId());
    }

    /** The zone named for a read (not remembered), or the learner's usual one. */
    public ZoneId forRead(DbExecute db, UUID userId, String given) {
        return given == null || given.isBlank() ? of(db, userId) : Zones.of(given);
    }

    public ZoneId of(DbExecute db, UUID userId) {
        return db.get("SELECT zone FROM learning.learner_zones WHERE user_id = ?", userId)
                .map(r -> ZoneId.of(Rows.text(r, "zone"))).orElseGet(() -> profileZone.apply(userId));
    }
}
