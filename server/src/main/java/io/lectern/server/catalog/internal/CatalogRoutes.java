package io.lectern.server.catalog.internal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.QueryParams;

/** Public catalog reads: the course list and a course by id or slug. */
public final class CatalogRoutes {

    private final CatalogService catalog;
    private final Json json;

    public CatalogRoutes(CatalogService catalog, Json json) {
        this.catalog = catalog;
        this.json = json;
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/courses", Access.PUBLIC, this::list)
                .get("/api/v1/courses/{idOrSlug}", Access.PUBLIC, this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = QueryParams.limit(req, 20, 100);
        json.write(res, 200, catalog.published(limit, req.query().first("cursor").orElse(null)));
    }

    private void one(ServerRequest req, ServerResponse res) {
        String key = req.path().pathParameters().get("idOrSlug");
        json.write(res, 200, catalog.findPublished(key).orElseThrow(() -> ApiException.notFound("This course")));
    }
}
