package io.lectern.server.media.internal;

import io.helidon.http.Status;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;

/**
 * A user's media: {@code GET /api/v1/media/{id}} (status, processing progress and renditions, for the owner and admins),
 * {@code DELETE /api/v1/media/{id}} (frees the quota; refused while the file is used), and {@code GET /api/v1/me/media}
 * (the caller's files with the storage used and allowed).
 */
final class MediaRoutes {

    private final Json json;
    private final MediaLibrary library;
    private final MediaDeletion deletion;

    MediaRoutes(Json json, MediaLibrary library, MediaDeletion deletion) {
        this.json = json;
        this.library = library;
        this.deletion = deletion;
    }

    void register(ApiRoutes routes) {
        routes.get("/api/v1/media/{id}", Access.USER, (req, res) -> json.write(res, 200,
                library.one(Authz.principal(req), PathParams.uuid(req, "id", "This media"))
        )).delete("/api/v1/media/{id}", Access.USER, (req, res) -> {
            deletion.delete(Authz.principal(req), PathParams.uuid(req, "id", "This media"));
            res.status(Status.NO_CONTENT_204).send();
        }).get("/api/v1/me/media", Access.USER, (req, res) -> json.write(res, 200,
                library.library(Authz.principal(req), QueryParams.limit(req, 200, 1000))));
    }
}
