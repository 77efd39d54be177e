package io.lectern.server.media.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Media's part: the person's uploads and files, and when they first opened which. Deleting the account deletes
 * every file of theirs that nothing uses any more (and its bytes); files still used (an instructor's video in a
 * course learners paid for) stay, owned by the anonymous id. Runs after the other modules erased what used them.
 */
final class MediaPersonalData implements PersonalData {

    private static final Logger LOG = Logger.getLogger(MediaPersonalData.class.getName());

    private final MediaStore repo;
    private final MediaStorage storage;
    private final MediaDeletion deletion;
    private final java.time.Clock clock;

    MediaPersonalData(MediaStore repo, MediaStorage storage, MediaDeletion deletion, java.time.Clock clock) {
        this.clock = clock;
        this.repo = repo;
        this.storage = storage;
        this.deletion = deletion;
    }

    @Override
    public String section() {
        return "media";
    }

    @Override
    public Set<String> tables() {
        return Set.of("media.uploads", "media.media", "media.playback_grants");
    }

    @Override
    public Object export(DbExecute db, Person p) {
        return repo.exportFor(db, p.id());
    }

    @Override
    public void erase(DbExecute tx, Person p) {
        repo.forgetOpened(tx, p.id());
        List<UUID> gone = new ArrayList<>();
        for (MediaStore.Media m : repo.ofOwner(tx, p.id(), Integer.MAX_VALUE)) {
            if (deletion.usesOf(tx, m.view().id()).isEmpty() && !"PROCESSING".equals(m.view().status())) {
                repo.delete(tx, m.view().id(), clock.instant());
                gone.add(m.view().id());
            }
        }
        repo.dropUnfinishedUploads(tx, p.id());
        for (UUID id : gone) {
            try {
                storage.deleteAll(id.toString());
            } catch (IOException | RuntimeException e) {
                LOG.warning("A deleted account's file " + id + " could not be removed from storage ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
