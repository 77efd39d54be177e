package io.lectern.server.catalog;

import io.lectern.server.catalog.internal.CatalogRoutes;
import io.lectern.server.catalog.internal.CourseRepository;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the catalog module: repository, facade and routes. */
public final class CatalogModule {

    public static final String SCHEMA = "catalog";

    private CatalogModule() {
    }

    public static CatalogService register(ApiRoutes routes, Platform platform) {
        CatalogService service = new CatalogService(platform, new CourseRepository());
        new CatalogRoutes(service, platform.json()).register(routes);
        return service;
    }
}
