package io.lectern.server.commerce.internal.gateway;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Checkout;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over commerce.payments and commerce.webhook_events. */
public final class PaymentStore {

    private static final String SELECT = "SELECT id, provider, provider_ref, user_id, amount_minor, currency, status, "
            + "created_at, paid_at FROM commerce.payments";

    /** Records a checkout before the provider is asked. */
    void insert(DbExecute db, UUID id, String provider, UUID userId, Long amountMinor, String currency, Instant now) {
        db.insert("""
                INSERT INTO commerce.payments (id, provider, user_id, amount_minor, currency, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'CREATED', ?)""", id, provider, userId, amountMinor, currency,
                Rows.param(now));
    }

    void markFailed(DbExecute db, UUID id) {
        db.update("UPDATE commerce.payments SET status = 'FAILED' WHERE id = ?", id);
    }

    void setProviderRef(DbExecute db, UUID id, String providerRef) {
        db.update("UPDATE commerce.payments SET provider_ref = ? WHERE id = ?", providerRef, id);
    }

    Optional<Checkout> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE id = ?", id).map(PaymentStore::row);
    }

    /** The learner's payment. */
    Optional<Checkout> findOf(DbExecute db, UUID id, UUID userId) {
        return db.get(SELECT + " WHERE id = ? AND user_id = ?", id, userId).map(PaymentStore::row);
    }

    /** The payment with our id at this provider, locked until the transaction ends. */
    Optional<Checkout> lock(DbExecute tx, UUID id, String provider) {
        return tx.get(SELECT + " WHERE id = ? AND provider = ? FOR UPDATE", id, provider).map(PaymentStore::row);
    }

    /** The payment with the provider's reference, locked until the transaction ends. */
    Optional<Checkout> lockByRef(DbExecute tx, String provider, String providerRef) {
        return tx.get(SELECT + " WHERE provider = ? AND provider_ref = ? FOR UPDATE", provider, providerRef)
                .map(PaymentStore::row);
    }

    Optional<UUID> userOf(DbExecute tx, UUID id) {
        return tx.get("SELECT user_id FROM commerce.payments WHERE id = ?", id).map(r -> Rows.uuid(r, "user_id"));
    }

    void markPaid(DbExecute tx, UUID id, Instant now, UUID transactionId) {
        tx.update("UPDATE commerce.payments SET status = 'PAID', paid_at = ?, transaction_id = ? WHERE id = ?",
                Rows.param(now), transactionId, id);
    }

    /** Records a webhook call once; returns 0 when its event was recorded before. */
    long recordWebhook(DbExecute tx, String provider, String eventId, String type, String paymentRef, Instant now) {
        return tx.insert("""
                INSERT INTO commerce.webhook_events (provider, event_id, event_type, payment_ref, received_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", provider, eventId, type, paymentRef,
                Rows.param(now));
    }

    void setOutcome(DbExecute tx, String provider, String eventId, String outcome) {
        tx.update("UPDATE commerce.webhook_events SET outcome = ? WHERE provider = ? AND event_id = ?", outcome,
                provider, eventId);
    }

    /** A learner's card payments (data export). */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT provider, provider_ref, amount_minor, currency, status, created_at, "
                + "paid_at FROM commerce.payments WHERE user_id = ? ORDER BY created_at", userId);
    }

    private static Checkout row(DbRow r) {
        return new Checkout(Rows.uuid(r, "id"), Rows.text(r, "provider"), Rows.text(r, "provider_ref"),
                Rows.text(r, "status"), new Money(Rows.number(r, "amount_minor"), Rows.text(r, "currency")), null, null,
                Rows.instant(r, "created_at"), Rows.instant(r, "paid_at"));
    }
}
