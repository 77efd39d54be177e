package io.lectern.server.commerce.internal.subscription;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Plan;
import io.lectern.model.commerce.Subscription;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.subscriptions, commerce.subscription_periods and commerce.subscription_shares. */
public final class SubscriptionStore {

    private static final String SELECT = "SELECT s.id, s.user_id, s.status, s.current_period_end, s.grace_until, "
            + "s.cancel_at_period_end, p.id AS plan_id, p.name, p.period, p.price_minor, p.currency, p.active "
            + "FROM commerce.subscriptions s JOIN commerce.subscription_plans p ON p.id = s.plan_id";

    /**
     * A paid period of a subscription.
     *
     * @param id     period id
     * @param userId subscriber
     * @param from   start
     * @param to     end
     * @param net    its revenue without tax
     */
    record Period(UUID id, UUID userId, Instant from, Instant to, long net) {
    }

    void insert(DbExecute tx, UUID id, UUID userId, UUID planId, Instant periodEnd, Instant now) {
        tx.insert("""
                INSERT INTO commerce.subscriptions (id, user_id, plan_id, status, current_period_end, created_at,
                                                    updated_at)
                VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?)""", id, userId, planId, Rows.param(periodEnd),
                Rows.param(now), Rows.param(now));
    }

    Optional<Subscription> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE s.id = ?", id).map(SubscriptionStore::row);
    }

    /** The learner's newest subscription, whatever its status. */
    Optional<Subscription> latestOf(DbExecute db, UUID userId) {
        return db.get(SELECT + " WHERE s.user_id = ? ORDER BY s.created_at DESC LIMIT 1", userId)
                .map(SubscriptionStore::row);
    }

    /** The learner's active or past-due subscription, locked until the transaction ends. */
    Optional<Subscription> lockLive(DbExecute tx, UUID userId) {
        return tx.get(SELECT + " WHERE s.user_id = ? AND s.status IN ('ACTIVE', 'PAST_DUE') FOR UPDATE OF s", userId)
                .map(SubscriptionStore::row);
    }

    void cancelAtPeriodEnd(DbExecute tx, UUID id, Instant now) {
        tx.update("UPDATE commerce.subscriptions SET cancel_at_period_end = true, updated_at = ? WHERE id = ?",
                Rows.param(now), id);
    }

    /** Up to 1000 active or past-due subscriptions whose period ended by {@code now}, the longest over first. */
    List<UUID> due(DbExecute db, Instant now) {
        try (var rows = db.query("SELECT id FROM commerce.subscriptions WHERE status IN "
                + "('ACTIVE', 'PAST_DUE') AND current_period_end <= ? ORDER BY current_period_end LIMIT 1000",
                Rows.param(now))) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    /** The subscription if it is still due, locked until the transaction ends (none when another server has it). */
    Optional<Subscription> lockDue(DbExecute tx, UUID id, Instant now) {
        return tx.get(SELECT + " WHERE s.id = ? AND s.status IN "
                + "('ACTIVE', 'PAST_DUE') AND s.current_period_end <= ? FOR UPDATE OF s SKIP LOCKED", id,
                Rows.param(now)).map(SubscriptionStore::row);
    }

    Optional<UUID> userOf(DbExecute tx, UUID id) {
        return tx.get("SELECT user_id FROM commerce.subscriptions WHERE id = ?", id).map(r -> Rows.uuid(r, "user_id"));
    }

    /** Sets the status and grace end, and the period end unless it is null. */
    void setStatus(DbExecute tx, UUID id, String status, Instant periodEnd, Instant grace, Instant now) {
        tx.update("""
                UPDATE commerce.subscriptions SET status = ?, current_period_end = coalesce(?, current_period_end),
                       grace_until = ?, updated_at = ?
                 WHERE id = ?""", status, Rows.param(periodEnd), Rows.param(grace), Rows.param(now), id);
    }

    void insertPeriod(DbExecute tx, UUID id, UUID subscriptionId, UUID userId, Instant startsAt, Instant endsAt,
                      long netMinor, String currency) {
        tx.insert("""
                INSERT INTO commerce.subscription_periods (id, subscription_id, user_id, starts_at, ends_at, net_minor,
                                                           currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, subscriptionId, userId, Rows.param(startsAt),
                Rows.param(endsAt), netMinor, currency);
    }

    /** Up to 200 periods that ended by {@code now} and were not shared yet, the oldest first. */
    List<Period> unsharedPeriods(DbExecute db, Instant now) {
        try (var rows = db.query("""
                SELECT id, user_id, starts_at, ends_at, net_minor FROM commerce.subscription_periods
                 WHERE shared_at IS NULL AND ends_at <= ? ORDER BY ends_at LIMIT 200""",
                Rows.param(now))) {
            return rows.map(r -> new Period(Rows.uuid(r, "id"), Rows.uuid(r, "user_id"), Rows.instant(r, "starts_at"),
                    Rows.instant(r, "ends_at"), Rows.number(r, "net_minor"))).toList();
        }
    }

    /** Locks the period until the transaction ends if it is still unshared; false when shared or another server has it. */
    boolean lockUnshared(DbExecute tx, UUID periodId) {
        return tx.get("SELECT 1 FROM commerce.subscription_periods WHERE id = ? AND shared_at IS NULL FOR UPDATE SKIP "
                + "LOCKED", periodId).isPresent();
    }

    void insertShare(DbExecute tx, UUID periodId, UUID courseId, UUID instructorId, long seconds, long courseMinor,
                     long amountMinor) {
        tx.insert("""
                INSERT INTO commerce.subscription_shares (period_id, course_id, instructor_id, seconds, course_minor,
                                                          amount_minor)
                VALUES (?, ?, ?, ?, ?, ?)""", periodId, courseId, instructorId, seconds, courseMinor, amountMinor);
    }

    void markShared(DbExecute tx, UUID periodId, Instant now, UUID transactionId) {
        tx.update("UPDATE commerce.subscription_periods SET shared_at = ?, transaction_id = ? WHERE id = ?",
                Rows.param(now), transactionId, periodId);
    }

    /** A learner's subscriptions (data export). */
    public List<Map<String, Object>> exportSubscriptions(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT s.status, pl.name AS plan, s.current_period_end, "
                + "s.cancel_at_period_end, s.created_at FROM commerce.subscriptions s JOIN commerce.subscription_plans pl "
                + "ON pl.id = s.plan_id WHERE s.user_id = ? ORDER BY s.created_at", userId);
    }

    /** A learner's paid periods (data export). */
    public List<Map<String, Object>> exportPeriods(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT starts_at, ends_at, net_minor, currency, shared_at FROM "
                + "commerce.subscription_periods WHERE user_id = ? ORDER BY starts_at", userId);
    }

    /** An instructor's shares of subscription revenue (data export). */
    public List<Map<String, Object>> exportShares(DbExecute db, UUID instructorId) {
        return Rows.maps(db, "SELECT s.course_id, s.seconds, s.amount_minor, p.ends_at FROM "
                + "commerce.subscription_shares s JOIN commerce.subscription_periods p ON p.id = s.period_id "
                + "WHERE s.instructor_id = ? ORDER BY p.ends_at", instructorId);
    }

    /** Ends a learner's live subscription at once (account deletion). */
    public void eraseFor(DbExecute tx, UUID userId) {
        tx.dml("UPDATE commerce.subscriptions SET status = 'CANCELLED', cancel_at_period_end = true, updated_at = now() "
                + "WHERE user_id = ? AND status IN ('ACTIVE', 'PAST_DUE')", userId);
    }

    private static Subscription row(DbRow r) {
        Plan plan = new Plan(Rows.uuid(r, "plan_id"), Rows.text(r, "name"), Rows.text(r, "period"),
                new Money(Rows.number(r, "price_minor"), Rows.text(r, "currency")), Rows.flag(r, "active"));
        return new Subscription(Rows.uuid(r, "id"), plan, Rows.text(r, "status"), Rows.instant(r, "current_period_end"),
                Rows.instant(r, "grace_until"), Rows.flag(r, "cancel_at_period_end"));
    }
}
