package io.lectern.server.audit;

import io.lectern.server.audit.internal.AuditStore;
import io.lectern.server.audit.internal.AuditRoutes;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the audit log and its admin route. */
public final class AuditModule {

    public static final String SCHEMA = "audit";

    private AuditModule() {
    }

    public static AuditService register(ApiRoutes routes, Database db, Ids ids, Json json) {
        AuditService service = new AuditService(db, ids, json, new AuditStore());
        new AuditRoutes(service, json).register(routes);
        return service;
    }
}
