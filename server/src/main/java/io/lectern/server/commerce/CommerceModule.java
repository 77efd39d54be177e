package io.lectern.server.commerce;

import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.internal.CommerceCore;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the commerce module: ledger, wallets, vouchers, enrollments, coupons, refunds and earnings. */
public final class CommerceModule {

    public static final String SCHEMA = "commerce";

    private CommerceModule() {
    }

    public static CommerceService register(ApiRoutes routes, Platform platform, CatalogService catalog,
                                           IdentityService identity, AuditService audit, MailService mail) {
        return new CommerceService(new CommerceCore(platform, catalog, identity, audit, mail, routes));
    }
}
