package io.lectern.server.catalog.internal.categories;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.model.catalog.CategoryInput;
import io.lectern.model.identity.Role;
import io.lectern.server.catalog.internal.pages.BrowseRoutes;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;

/** Admin upkeep of the category list ({@code GET /api/v1/categories} is public, in {@link BrowseRoutes}). */
public final class CategoryRoutes {

    private final Platform platform;
    private final Json json;
    private final CategoryAdmin admin;

    public CategoryRoutes(Platform platform, CategoryAdmin admin) {
        this.platform = platform;
        this.json = platform.json();
        this.admin = admin;
    }

    public void register(ApiRoutes routes) {
        Access admins = Access.roles(Role.ADMIN);
        routes.post("/api/v1/categories", admins, (req, res) -> json.write(res, 201,
                        admin.create(Authz.principal(req), json.read(req, CategoryInput.class), ip(req))))
                .patch("/api/v1/categories/{slug}", admins, (req, res) -> json.write(res, 200, admin.update(
                        Authz.principal(req), PathParams.text(req, "slug"), json.read(req, CategoryInput.class), ip(req))))
                .delete("/api/v1/categories/{slug}", admins, (req, res) -> {
                    admin.delete(Authz.principal(req), PathParams.text(req, "slug"), ip(req));
                    res.status(Status.NO_CONTENT_204).send();
                });
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, platform.config().trustForwardedFor());
    }
}
