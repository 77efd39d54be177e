package io.lectern.server.catalog;

import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.internal.CatalogCore;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.redis.Broadcast;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the catalog module: authoring, publishing, search, course pages, lessons, reviews and categories. */
public final class CatalogModule {

    public static final String SCHEMA = "catalog";

    private CatalogModule() {
    }

    public static CatalogService register(ApiRoutes routes, Database db, Clock clock, Ids ids, Json json,
                                          EventBus events, JobRunner jobs, Broadcast broadcast,
                                          RateLimiter limits, boolean trustForwardedFor, IdentityService identity,
                                          AuditService audit, MediaService media) {
        CatalogCore core = new CatalogCore(db, clock, ids, json, events, jobs, broadcast, limits, trustForwardedFor,
                identity, audit, media, routes);
        core.registerRoutes();
        return new CatalogService(core);
    }
}
