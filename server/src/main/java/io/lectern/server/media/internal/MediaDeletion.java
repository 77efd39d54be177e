package io.lectern.server.media.internal;

import io.lectern.server.media.MediaUse;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deleting media frees its owner's quota: the row and every stored file (original and renditions) go. A media item
 * that is used somewhere (a lesson, a thumbnail, a submission, a certificate, an avatar) or still being processed is
 * refused with the places named. The row is locked while its uses are checked, and attaching reads it with a share
 * lock, so nothing can start using it between the check and the delete.
 */
public final class MediaDeletion {

    private static final Logger LOG = Logger.getLogger(MediaDeletion.class.getName());

    private final Database db;
    private final Clock clock;
    private final MediaStore repo;
    private final MediaStorage storage;
    private final List<MediaUse> uses = new CopyOnWriteArrayList<>();

    MediaDeletion(Database db, Clock clock, MediaStore repo, MediaStorage storage) {
        this.db = db;
        this.clock = clock;
        this.repo = repo;
        this.storage = storage;
    }

    void add(MediaUse use) {
        uses.add(use);
    }

    /** Where a media item is used, by every module that uses media. */
    List<String> usesOf(io.helidon.dbclient.DbExecute tx, UUID id) {
        List<String> usedIn = new ArrayList<>();
        uses.forEach(u -> usedIn.addAll(u.usesOf(tx, id)));
        return usedIn;
    }

    /** Deletes a media item of the caller's (admins: anyone's); 404 for others', 409 when it is in use. */
    public void delete(Principal p, UUID id) {
        db.doInTransaction(tx -> {
            MediaStore.Media m = repo.lock(tx, id).filter(x -> p.isAdmin() || x.ownerId().equals(p.userId()))
                    .orElseThrow(() -> ApiException.notFound("This media"));
            if ("PROCESSING".equals(m.view().status())) {
                throw new ApiException(409, "media.processing", "This file is still being processed ("
                        + m.view().progress() + " %); delete it once it is done.");
            }
            List<String> usedIn = usesOf(tx, id);
            if (!usedIn.isEmpty()) {
                throw new ApiException(409, "media.in_use", "This file is used in " + String.join("; ", usedIn)
                        + ". Take it out there first, then delete it.").with("usedIn", usedIn);
            }
            repo.delete(tx, id, clock.instant());
        });
        try {
            storage.deleteAll(id.toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Media " + id + " was deleted but its stored files were not all removed", e);
        }
    }
}
