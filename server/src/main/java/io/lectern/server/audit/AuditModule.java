package io.lectern.server.audit;

import io.lectern.server.audit.internal.AuditStore;
import io.lectern.server.audit.internal.AuditRoutes;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the audit log and its admin route. */
public final class AuditModule {

    public static final String SCHEMA = "audit";

    private AuditModule() {
    }

    public static AuditService register(ApiRoutes routes, Platform platform) {
        AuditService service = new AuditService(platform, new AuditStore());
        new AuditRoutes(service, platform.json()).register(routes);
        return service;
    }
}
