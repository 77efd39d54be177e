package io.lectern.server.media;

import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.UUID;

/**
 * Port the modules that reference media plug in: where a media item is used (a lesson, a course thumbnail, a
 * handed-in assignment, a certificate design, an avatar). A media item in use is not deleted; the answer names each
 * place so its owner can take it out first.
 */
@FunctionalInterface
public interface MediaUse {

    /** Where this media item is used, in words a user understands; empty when nowhere. Reads with the caller's tx. */
    List<String> usesOf(DbExecute tx, UUID mediaId);
}
