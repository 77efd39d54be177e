package io.lectern.server.commerce.internal.subscription;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Plan;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.subscription_plans. */
final class PlanStore {

    private static final String SELECT = "SELECT id, name, period, price_minor, currency, active "
            + "FROM commerce.subscription_plans";

    void insert(DbExecute tx, UUID id, String name, String period, Long priceMinor, String currency, boolean active,
                Instant now) {
        tx.insert("INSERT INTO commerce.subscription_plans (id, name, period, price_minor, currency, active, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, name, period, priceMinor, currency, active, Rows.param(now));
    }

    /** Renames or (de)activates a plan; a null leaves that as it is. */
    void update(DbExecute tx, UUID id, String name, Boolean active) {
        tx.update("UPDATE commerce.subscription_plans SET name = coalesce(?, name), active = coalesce(?, active) "
                + "WHERE id = ?", name, active, id);
    }

    /** Plans (only the active ones, or all), cheapest first. */
    List<Plan> list(DbExecute db, boolean activeOnly) {
        try (var rows = db.query(SELECT + (activeOnly ? " WHERE active" : "") + " ORDER BY price_minor, name")) {
            return rows.map(PlanStore::row).toList();
        }
    }

    Optional<Plan> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE id = ?", id).map(PlanStore::row);
    }

    private static Plan row(DbRow r) {
        return new Plan(Rows.uuid(r, "id"), Rows.text(r, "name"), Rows.text(r, "period"),
                new Money(Rows.number(r, "price_minor"), Rows.text(r, "currency")), Rows.flag(r, "active"));
    }
}
