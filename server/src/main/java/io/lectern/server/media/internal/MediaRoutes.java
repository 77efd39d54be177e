package io.lectern.server.media.internal;

import io.helidon.http.Status;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's media: {@code GET /api/v1/media/{id}} (status, processing progress and renditions, for the owner and admins),
 * {@code DELETE /api/v1/media/{id}} (frees the quota; refused while the file is used), and {@code GET /api/v1/me/media}
 * (the caller's files with the storage used and allowed).
 */
final class MediaRoutes {

    private final Platform platform;
    private final MediaStore repo;
    private final MediaDeletion deletion;

    MediaRoutes(Platform platform, MediaStore repo, MediaDeletion deletion) {
        this.platform = platform;
        this.repo = repo;
        this.deletion = deletion;
    }

    void register(ApiRoutes routes) {
        routes.get("/api/v1/media/{id}", Access.USER, (req, res) -> {
            Principal p = Authz.principal(req);
            MediaStore.Media m = repo.media(platform.db().execute(), PathParams.uuid(req, "id", "This media"))
                    .filter(x -> p.isAdmin() || x.ownerId().equals(p.userId()))
                    .orElseThrow(() -> ApiException.notFound("This media"));
            platform.json().write(res, 200, m.view());
        }).delete("/api/v1/media/{id}", Access.USER, (req, res) -> {
            deletion.delete(Authz.principal(req), PathParams.uuid(req, "id", "This media"));
            res.status(Status.NO_CONTENT_204).send();
        }).get("/api/v1/me/media", Access.USER, (req, res) -> {
            Principal p = Authz.principal(req);
            var db = platform.db().execute();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", repo.ofOwner(db, p.userId(), QueryParams.limit(req, 200, 1000)).stream()
                    .map(MediaStore.Media::view).toList());
            body.put("usedBytes", repo.usedBytes(db, p.userId()));
            body.put("quotaBytes", p.role() == Role.STUDENT ? platform.config().media().studentQuota()
                    : platform.config().media().instructorQuota());
            platform.json().write(res, 200, body);
        });
    }
}
