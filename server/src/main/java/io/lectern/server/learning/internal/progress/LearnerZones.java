package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

/**
 * The zone a learner's study days count in: the one their client last named, else the zone in their profile. One
 * zone for all activity keeps the streak honest; mixing zones would count the same evening as two days.
 */
public final class LearnerZones {

    private final LearnerZoneStore store;
    private final Function<UUID, ZoneId> profileZone;

    public LearnerZones(LearnerZoneStore store, Function<UUID, ZoneId> profileZone) {
        this.store = store;
        this.profileZone = profileZone;
    }

    /** Remembers the zone a request named, for later reads that name none; a request naming none changes nothing. */
    public void remember(DbExecute db, UUID userId, String given) {
        if (given == null || given.isBlank()) {
            return;
        }
        store.save(db, userId, Zones.of(given).getId());
    }

    /** The zone named for a read (not remembered), or the learner's usual one. */
    public ZoneId forRead(DbExecute db, UUID userId, String given) {
        return given == null || given.isBlank() ? of(db, userId) : Zones.of(given);
    }

    public ZoneId of(DbExecute db, UUID userId) {
        return store.find(db, userId).orElseGet(() -> profileZone.apply(userId));
    }
}
