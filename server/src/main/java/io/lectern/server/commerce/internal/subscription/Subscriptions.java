package io.lectern.server.commerce.internal.subscription;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.commerce.Plan;
import io.lectern.model.commerce.SubscribeRequest;
import io.lectern.model.commerce.Subscription;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.audit.AuditService;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.commerce.internal.invoice.Invoices;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.InsufficientFundsException;
import io.lectern.server.commerce.internal.ledger.Leg;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.ledger.LedgerStore;
import io.lectern.server.commerce.internal.revenue.SaleSplit;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.commerce.CommerceSettings;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions paid from the wallet: the first period is charged at once; each renewal charges again when the
 * period ends. A renewal the wallet cannot pay leaves the subscription past due, with access, until the grace
 * period ends; then it lapses (and with it access to "included in subscription" courses). Cancelling keeps access
 * to the end of the paid period. Every charge has an invoice.
 */
public final class Subscriptions {

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final Ledger ledger;
    private final Invoices invoices;
    private final Idempotency idempotency;
    private final AuditService audit;
    private final CommerceSettings settings;
    private final SubscriptionStore store = new SubscriptionStore();
    private final PlanStore plans = new PlanStore();
    private final LedgerStore accounts = new LedgerStore();

    public Subscriptions(Database database, Clock clock, Ids ids, Ledger ledger, Invoices invoices,
                         Idempotency idempotency, AuditService audit,
                         CommerceSettings settings) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.ledger = ledger;
        this.invoices = invoices;
        this.idempotency = idempotency;
        this.audit = audit;
        this.settings = settings;
    }

    public Idempotency.Outcome<Subscription> subscribe(Principal p, SubscribeRequest in, Optional<String> key, String ip) {
        new Validation().required("planId", in.planId()).throwIfInvalid();
        Plan plan = plans.find(database.execute(), in.planId()).filter(Plan::active)
                .orElseThrow(() -> ApiException.notFound("This plan"));
        try {
            return idempotency.run(p.userId(), key, "subscribe", in.planId().toString(), 201, Subscription.class, tx -> {
                if (store.lockLive(tx, p.userId()).isPresent()) {
                    throw new ApiException(409, "subscription.exists", "You already have a subscription.");
                }
                Instant now = clock.instant();
                UUID id = ids.next();
                charge(tx, p.userId(), id, plan, now);
                store.insert(tx, id, p.userId(), plan.id(), periodEnd(now, plan), now);
                audit.record(tx, new AuditRecord(p.userId(), "commerce.subscription.started", "subscription",
                        id.toString(), ip, Map.of("planId", plan.id().toString())));
                return store.find(tx, id).orElseThrow();
            });
        } catch (InsufficientFundsException e) {
            long balance = ledger.balance(database.execute(), AccountKind.WALLET, p.userId());
            long missing = plan.price().amountMinor() - balance;
            throw new ApiException(402, "wallet.insufficient_funds", "Your wallet is short by "
                    + MoneyText.of(missing, ledger.currency()) + "; top it up or redeem a voucher first.")
                    .with("shortfallMinor", missing).with("balanceMinor", balance).with("currency", ledger.currency());
        }
    }

    public Optional<Subscription> mine(UUID userId) {
        return store.latestOf(database.execute(), userId);
    }

    public Subscription cancel(Principal p, String ip) {
        UUID id = database.inTransaction(tx -> {
            Subscription s = store.lockLive(tx, p.userId()).orElseThrow(() -> ApiException.notFound("Your subscription"));
            store.cancelAtPeriodEnd(tx, s.id(), clock.instant());
            audit.record(tx, new AuditRecord(p.userId(), "commerce.subscription.cancelled", "subscription",
                    s.id().toString(), ip, Map.of()));
            return s.id();
        });
        return store.find(database.execute(), id).orElseThrow();
    }

    /**
     * Renews, lapses or ends every subscription whose period is over, each in its own transaction (claimed with
     * SKIP LOCKED so several servers share the work). Returns how many were handled.
     */
    public int renewDue() {
        Instant now = clock.instant();
        List<UUID> due = store.due(database.execute(), now);
        int handled = 0;
        for (UUID id : due) {
            boolean done = database.inTransaction(tx -> store.lockDue(tx, id, now).map(sub -> {
                renew(tx, sub, now);
                return true;
            }).orElse(false));
            handled += done ? 1 : 0;
        }
        return handled;
    }

    private void renew(DbExecute tx, Subscription s, Instant now) {
        UUID userId = store.userOf(tx, s.id()).orElseThrow();
        if (s.cancelAtPeriodEnd()) {
            store.setStatus(tx, s.id(), "CANCELLED", null, null, now);
            return;
        }
        ledger.account(tx, AccountKind.WALLET, userId);
        long balance = accounts.lockWalletBalance(tx, userId);
        if (balance >= s.plan().price().amountMinor()) {
            charge(tx, userId, s.id(), s.plan(), s.currentPeriodEnd());
            store.setStatus(tx, s.id(), "ACTIVE", periodEnd(s.currentPeriodEnd(), s.plan()), null, now);
            return;
        }
        Instant grace = s.graceUntil() != null ? s.graceUntil() : s.currentPeriodEnd().plus(settings.subscriptionGrace());
        store.setStatus(tx, s.id(), now.isBefore(grace) ? "PAST_DUE" : "LAPSED", null, grace, now);
    }

    /** Charges one period from the wallet: tax and the platform's revenue, with an invoice. */
    private void charge(DbExecute tx, UUID userId, UUID subscriptionId, Plan plan, Instant periodStart) {
        long price = plan.price().amountMinor();
        SaleSplit split = SaleSplit.of(price, settings.taxRateBasisPoints(), 0);
        List<Leg> legs = new ArrayList<>(List.of(new Leg(ledger.account(tx, AccountKind.WALLET, userId),
                AccountKind.WALLET, -price)));
        if (split.tax() > 0) {
            legs.add(new Leg(ledger.account(tx, AccountKind.TAX_PAYABLE, null), AccountKind.TAX_PAYABLE, split.tax()));
        }
        legs.add(new Leg(ledger.account(tx, AccountKind.PLATFORM_REVENUE, null), AccountKind.PLATFORM_REVENUE,
                split.platform()));
        UUID txId = ledger.post(tx, "SUBSCRIPTION", subscriptionId.toString(), userId, "Subscription: " + plan.name(), legs);
        store.insertPeriod(tx, ids.next(), subscriptionId, userId, periodStart, periodEnd(periodStart, plan), split.platform(),
                plan.price().currency());
        var day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);
        invoices.issue(tx, new Invoices.Draft(userId, "SUBSCRIPTION", txId, new Invoices.Lines("Subscription: "
                + plan.name() + " (" + plan.period().toLowerCase(java.util.Locale.ROOT) + ")", "Period "
                + day.format(periodStart) + " – " + day.format(periodEnd(periodStart, plan))), price, split.tax(),
                plan.price().currency()));
    }

    private static Instant periodEnd(Instant from, Plan plan) {
        var start = from.atOffset(ZoneOffset.UTC);
        return (plan.period().equals("ANNUAL") ? start.plusYears(1) : start.plusMonths(1)).toInstant();
    }
}
