package io.lectern.server.commerce;

import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.internal.CommerceCore;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the commerce module: ledger, wallets, vouchers, enrollments, coupons, refunds and earnings. */
public final class CommerceModule {

    public static final String SCHEMA = "commerce";

    private CommerceModule() {
    }

    public static CommerceService register(ApiRoutes routes, Database db, Clock clock, Ids ids, Json json,
                                           EventBus events, JobRunner jobs, Idempotency idempotency,
                                           SecretBox secrets, RateLimiter limits, CommerceSettings commerceSettings,
                                           boolean trustForwardedFor, CatalogService catalog,
                                           IdentityService identity, AuditService audit, MailService mail) {
        return new CommerceService(new CommerceCore(db, clock, ids, json, events, jobs, idempotency, secrets, limits,
                                   commerceSettings, trustForwardedFor, catalog, identity, audit, mail, routes));
    }
}
