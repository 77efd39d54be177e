package io.lectern.server.media.internal;

import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;

/** {@code GET /api/v1/media/{id}}: status, processing progress and renditions, for the owner and admins. */
final class MediaRoutes {

    private final Platform platform;
    private final MediaRepository repo;

    MediaRoutes(Platform platform, MediaRepository repo) {
        this.platform = platform;
        this.repo = repo;
    }

    void register(ApiRoutes routes) {
        routes.get("/api/v1/media/{id}", Access.USER, (req, res) -> {
            Principal p = Authz.principal(req);
            MediaRepository.Media m = repo.media(platform.db().execute(), PathParams.uuid(req, "id", "This media"))
                    .filter(x -> p.isAdmin() || x.ownerId().equals(p.userId()))
                    .orElseThrow(() -> ApiException.notFound("This media"));
            platform.json().write(res, 200, m.view());
        });
    }
}
