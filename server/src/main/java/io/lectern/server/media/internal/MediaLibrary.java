package io.lectern.server.media.internal;

import io.lectern.model.identity.Role;
import io.lectern.model.media.MediaView;
import io.lectern.server.media.MediaSettings;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A person's media as they see it: one item (theirs, or any for admins) and their library with its quota. */
final class MediaLibrary {

    private final Database db;
    private final MediaSettings settings;
    private final MediaStore store;

    MediaLibrary(Database db, MediaSettings settings, MediaStore store) {
        this.db = db;
        this.settings = settings;
        this.store = store;
    }

    /** One item with its status, progress and renditions; 404 unless the caller owns it or is an admin. */
    MediaView one(Principal p, UUID id) {
        return store.media(db.execute(), id).filter(m -> p.isAdmin() || m.ownerId().equals(p.userId()))
                .map(MediaStore.Media::view).orElseThrow(() -> ApiException.notFound("This media"));
    }

    /** The caller's files, newest first, with the storage they use and may use. */
    Map<String, Object> library(Principal p, int limit) {
        var execute = db.execute();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", store.ofOwner(execute, p.userId(), limit).stream().map(MediaStore.Media::view).toList());
        body.put("usedBytes", store.usedBytes(execute, p.userId()));
        body.put("quotaBytes", p.role() == Role.STUDENT ? settings.studentQuota() : settings.instructorQuota());
        return body;
    }
}
