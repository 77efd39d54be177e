package io.lectern.server.commerce.internal.subscription;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Plan;
import io.lectern.model.commerce.PlanInput;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Subscription plans, kept by admins. A price never changes under a subscriber: a new price is a new plan. */
public final class Plans {

    static final String SELECT = "SELECT id, name, period, price_minor, currency, active FROM commerce.subscription_plans";

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final AuditService audit;
    private final String currency;

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
            tx.insert("INSERT INTO commerce.subscription_plans (id, name, period, price_minor, currency, active, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, in.name().strip(), in.period(), in.priceMinor(), currency,
                    in.active() == null || in.active(), Rows.param(clock.instant()));
            audit.record(tx, new AuditRecord(admin.userId(), "commerce.plan.created", "plan", id.toString(), ip,
                    Map.of("priceMinor", in.priceMinor().toString())));
        });
        return find(database.execute(), id).orElseThrow();
    }

    public Plan update(Principal admin, UUID id, PlanInput in, String ip) {
        new Validation().check(in.period() == null && in.priceMinor() == null, "priceMinor", "read_only",
                        "A plan's price and period never change; make a new plan and retire this one.")
                .check(in.name() == null || in.name().strip().length() >= 2 && in.name().length() <= 80, "name", "length",
                        "name must be 2 to 80 characters.").throwIfInvalid();
        database.doInTransaction(tx -> {
            find(tx, id).orElseThrow(() -> ApiException.notFound("This plan"));
            tx.update("UPDATE commerce.subscription_plans SET name = coalesce(?, name), active = coalesce(?, active) "
                    + "WHERE id = ?", in.name() == null ? null : in.name().strip(), in.active(), id);
            audit.record(tx, new AuditRecord(admin.userId(), "commerce.plan.changed", "plan", id.toString(), ip, Map.of()));
        });
        return find(database.execute(), id).orElseThrow();
    }

    public List<Plan> list(boolean activeOnly) {
        try (var rows = database.execute().query(SELECT + (activeOnly ? " WHERE active" : "")
                + " ORDER BY price_minor, name")) {
            return rows.map(Plans::row).toList();
        }
    }

    static Optional<Plan> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE id = ?", id).map(Plans::row);
    }

    static Plan row(DbRow r) {
        return new Plan(Rows.uuid(r, "id"), Rows.text(r, "name"), Rows.text(r, "period"),
                new Money(Rows.number(r, "price_minor"), Rows.text(r, "currency")), Rows.flag(r, "active"));
    }
}
