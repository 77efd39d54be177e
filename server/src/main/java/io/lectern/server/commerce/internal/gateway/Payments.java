package io.lectern.server.commerce.internal.gateway;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.helidon.http.Headers;
import io.lectern.model.commerce.Checkout;
import io.lectern.model.commerce.CheckoutRequest;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.commerce.PaymentCaptured;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import io.lectern.server.platform.security.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Wallet top-ups through payment providers. A checkout is recorded before the provider is asked; the provider's
 * webhook is verified, recorded under its event id (a repeat is acknowledged and ignored) and handed to the
 * outbox in one transaction; the outbox listener credits the wallet once, under a lock on the payment, whatever
 * order and however often the provider's calls arrive.
 */
public final class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class.getName());
    static final RateLimiter.Limit CHECKOUTS = new RateLimiter.Limit("checkout", 10, Duration.ofMinutes(10),
            "payment.rate_limited");

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final EventBus events;
    private final Ledger ledger;
    private final Map<String, PaymentGateway> gateways;
    private final RateLimiter limits;
    private final AuditService audit;
    private final Function<UUID, Optional<String>> emails;
    private final PaymentStore store = new PaymentStore();

    /** {@code emails} finds a learner's email (outside any transaction); PayStack requires one per checkout. */
    public Payments(Database database, Clock clock, Ids ids, EventBus events, Ledger ledger, Map<String,
                    PaymentGateway> gateways, RateLimiter limits,
                    AuditService audit, Function<UUID, Optional<String>> emails) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.ledger = ledger;
        this.gateways = gateways;
        this.limits = limits;
        this.audit = audit;
        this.emails = emails;
    }

    public List<String> providers() {
        return gateways.keySet().stream().sorted().toList();
    }

    public Checkout checkout(Principal p, CheckoutRequest in) {
        new Validation().required("provider", in.provider()).required("amountMinor", in.amountMinor())
                .check(in.provider() == null || gateways.containsKey(in.provider()), "provider", "one_of",
                        "provider must be one of " + providers() + ".")
                .check(in.amountMinor() == null || in.amountMinor() >= 100 && in.amountMinor() <= 100_000_000,
                        "amountMinor", "range", "amountMinor must be 100 to 100000000.").throwIfInvalid();
        limits.consume(CHECKOUTS, p.userId().toString());
        PaymentGateway gateway = gateways.get(in.provider());
        UUID id = ids.next();
        store.insert(database.execute(), id, gateway.name(), p.userId(), in.amountMinor(), ledger.currency(),
                clock.instant());
        PaymentGateway.Started started;
        try {
            started = gateway.start(id, in.amountMinor(), ledger.currency(), "Lectern wallet top-up",
                    () -> emails.apply(p.userId()).orElse(""));
        } catch (PaymentGateway.GatewayException e) {
            LOG.warning("Checkout " + id + " with " + gateway.name() + " failed: " + e.getMessage());
            store.markFailed(database.execute(), id);
            throw new ApiException(502, "payment.provider_unavailable", gateway.name() + " is not answering; nothing "
                    + "was charged. Try again in a minute.");
        }
        store.setProviderRef(database.execute(), id, started.providerRef());
        Checkout view = store.find(database.execute(), id).orElseThrow();
        return new Checkout(view.paymentId(), view.provider(), view.providerRef(), view.status(), view.amount(),
                started.redirectUrl(), started.keyId(), view.createdAt(), view.paidAt());
    }

    public Checkout status(Principal p, UUID id) {
        return store.findOf(database.execute(), id, p.userId()).orElseThrow(() -> ApiException.notFound("This payment"));
    }

    /**
     * A provider's webhook call: verified, recorded once and queued for the outbox. Returns whether it was seen
     * before; throws 400 (logged and audited, never applied) when it is not provably from the provider.
     */
    public boolean receive(String provider, Headers headers, byte[] body, String ip) {
        PaymentGateway gateway = gateways.get(provider);
        if (gateway == null) {
            throw ApiException.notFound("This payment provider");
        }
        PaymentGateway.Event event;
        try {
            event = gateway.verify(headers, body);
        } catch (PaymentGateway.WebhookRejected e) {
            LOG.warning("Rejected a " + provider + " webhook from " + ip + ": " + e.getMessage());
            audit.record(new AuditRecord(null, "commerce.webhook.rejected", "provider", provider, ip,
                    Map.of("reason", e.getMessage())));
            throw new ApiException(400, "webhook.rejected", "This call is not signed by " + provider + ".");
        }
        return database.inTransaction(tx -> {
            long fresh = store.recordWebhook(tx, provider, event.eventId(), event.type(), event.providerRef().orElse(null),
                    clock.instant());
            if (fresh == 0) {
                return true;
            }
            events.publish(tx, WebhookAccepted.of(provider, event));
            return false;
        });
    }

    /** Applies a recorded webhook in the outbox delivery's transaction: credits the wallet at most once. */
    public void apply(DbTransaction tx, WebhookAccepted e) {
        Optional<Checkout> found = e.paymentId() != null ? store.lock(tx, e.paymentId(), e.provider()) : Optional.empty();
        if (found.isEmpty() && e.providerRef() != null) {
            found = store.lockByRef(tx, e.provider(), e.providerRef());
        }
        if (found.isEmpty()) {
            outcome(tx, e, "UNKNOWN_PAYMENT");
            LOG.warning("A " + e.provider() + " webhook (" + e.type() + ") names no payment of ours");
            return;
        }
        Checkout payment = found.get();
        if (!e.paid() || "PAID".equals(payment.status())) {
            outcome(tx, e, "PAID".equals(payment.status()) ? "ALREADY_APPLIED" : "IGNORED");
            return;
        }
        if (e.amountMinor() != payment.amount().amountMinor() || !e.currency().equals(payment.amount().currency())) {
            outcome(tx, e, "AMOUNT_MISMATCH");
            audit.record(tx, new AuditRecord(null, "commerce.payment.mismatch", "payment", payment.paymentId().toString(),
                    null, Map.of("expected", payment.amount().toString(), "reported", e.amountMinor() + " " + e.currency())));
            return;
        }
        UUID userId = store.userOf(tx, payment.paymentId()).orElseThrow();
        long amount = payment.amount().amountMinor();
        UUID txId = ledger.post(tx, "TOPUP", payment.paymentId().toString(), userId, "Top-up via " + e.provider(), List.of(
                new Leg(ledger.account(tx, AccountKind.GATEWAY_CLEARING, null), AccountKind.GATEWAY_CLEARING, -amount),
                new Leg(ledger.account(tx, AccountKind.WALLET, userId), AccountKind.WALLET, amount)));
        Instant now = clock.instant();
        store.markPaid(tx, payment.paymentId(), now, txId);
        outcome(tx, e, "APPLIED");
        events.publish(tx, new PaymentCaptured(payment.paymentId(), userId, e.provider(), amount,
                payment.amount().currency(), now));
    }

    private void outcome(DbExecute tx, WebhookAccepted e, String outcome) {
        store.setOutcome(tx, e.provider(), e.eventId(), outcome);
    }
}
