package io.lectern.server.catalog.internal.categories;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.lectern.model.catalog.CategoryInput;
import io.lectern.model.identity.Role;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;

/** The category list: public to read ({@code GET /api/v1/categories}), kept by admins. */
public final class CategoryRoutes {

    private final boolean trustForwardedFor;
    private final Json json;
    private final CategoryAdmin admin;

    public CategoryRoutes(Json json, boolean trustForwardedFor, CategoryAdmin admin) {
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.admin = admin;
    }

    public void register(ApiRoutes routes) {
        Access admins = Access.roles(Role.ADMIN);
        routes.get("/api/v1/categories", Access.PUBLIC, (req, res) -> json.write(res, 200,
                        java.util.Map.of("items", admin.all())))
                .post("/api/v1/categories", admins, (req, res) -> json.write(res, 201,
                        admin.create(Authz.principal(req), json.read(req, CategoryInput.class), ip(req))))
                .patch("/api/v1/categories/{slug}", admins, (req, res) -> json.write(res, 200, admin.update(
                        Authz.principal(req), PathParams.text(req, "slug"), json.read(req, CategoryInput.class), ip(req))))
                .delete("/api/v1/categories/{slug}", admins, (req, res) -> {
                    admin.delete(Authz.principal(req), PathParams.text(req, "slug"), ip(req));
                    res.status(Status.NO_CONTENT_204).send();
                });
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }
}
