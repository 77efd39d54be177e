package io.lectern.server.audit.internal;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.identity.Role;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.QueryParams;

/** {@code GET /api/v1/admin/audit?action=&actor=&target=&since=&until=&limit=&cursor=} — newest first. */
public final class AuditRoutes {

    private final AuditService audit;
    private final Json json;

    public AuditRoutes(AuditService audit, Json json) {
        this.audit = audit;
        this.json = json;
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/admin/audit", Access.roles(Role.ADMIN), this::search);
    }

    private void search(ServerRequest req, ServerResponse res) {
        var filter = new AuditStore.Filter(QueryParams.text(req, "action", 100), QueryParams.uuid(req, "actor"),
                QueryParams.text(req, "target", 100), QueryParams.instant(req, "since"),
                QueryParams.instant(req, "until"), QueryParams.limit(req, 50, 200),
                PageCursor.decode(req.query().first("cursor").orElse(null)));
        json.write(res, 200, audit.search(filter));
    }
}
