package io.lectern.server.commerce.internal.subscription;

import io.lectern.model.commerce.Plan;
import io.lectern.model.commerce.PlanInput;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscription plans, kept by admins. A price never changes under a subscriber: a new price is a new plan. */
public final class Plans {

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final String currency;
    private final PlanStore store = new PlanStore();

    public Plans(Database database, Clock clock, Ids ids, AuditService audit, String currency) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.currency = currency;
    }

    public Plan create(Principal admin, PlanInput in, String ip) {
        new Validation().required("name", in.name()).required("period", in.period()).required("priceMinor", in.priceMinor())
                .check(in.name() == null || in.name().strip().length() >= 2 && in.name().length() <= 80, "name", "length",
                        "name must be 2 to 80 characters.")
                .check(in.period() == null || in.period().equals("MONTHLY") || in.period().equals("ANNUAL"), "period",
                        "one_of", "period must be MONTHLY or ANNUAL.")
                .check(in.priceMinor() == null || in.priceMinor() > 0 && in.priceMinor() <= 10_000_000, "priceMinor",
                        "range", "priceMinor must be 1 to 10000000.").throwIfInvalid();
        UUID id = ids.next();
        database.doInTransaction(tx -> {
            store.insert(tx, id, in.name().strip(), in.period(), in.priceMinor(), currency, in.active() == null || in.active(),
                    clock.instant());
            audit.record(tx, new AuditRecord(admin.userId(), "commerce.plan.created", "plan", id.toString(), ip,
                    Map.of("priceMinor", in.priceMinor().toString())));
        });
        return store.find(database.execute(), id).orElseThrow();
    }

    public Plan update(Principal admin, UUID id, PlanInput in, String ip) {
        new Validation().check(in.period() == null && in.priceMinor() == null, "priceMinor", "read_only",
                        "A plan's price and period never change; make a new plan and retire this one.")
                .check(in.name() == null || in.name().strip().length() >= 2 && in.name().length() <= 80, "name", "length",
                        "name must be 2 to 80 characters.").throwIfInvalid();
        database.doInTransaction(tx -> {
            store.find(tx, id).orElseThrow(() -> ApiException.notFound("This plan"));
            store.update(tx, id, in.name() == null ? null : in.name().strip(), in.active());
            audit.record(tx, new AuditRecord(admin.userId(), "commerce.plan.changed", "plan", id.toString(), ip, Map.of()));
        });
        return store.find(database.execute(), id).orElseThrow();
    }

    public List<Plan> list(boolean activeOnly) {
        return store.list(database.execute(), activeOnly);
    }
}
