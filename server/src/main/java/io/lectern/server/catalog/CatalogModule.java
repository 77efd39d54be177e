package io.lectern.server.catalog;

import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.internal.CatalogCore;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the catalog module: authoring, publishing, search, course pages, lessons, reviews and categories. */
public final class CatalogModule {

    public static final String SCHEMA = "catalog";

    private CatalogModule() {
    }

    public static CatalogService register(ApiRoutes routes, Platform platform, IdentityService identity,
                                          AuditService audit, MediaService media) {
        CatalogCore core = new CatalogCore(platform, identity, audit, media, routes);
        core.registerRoutes();
        return new CatalogService(core);
    }
}
