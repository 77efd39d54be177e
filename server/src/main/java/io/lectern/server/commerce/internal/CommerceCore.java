package io.lectern.server.commerce.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.internal.enrollment.Coupons;
import io.lectern.server.commerce.internal.enrollment.EnrollmentRoutes;
import io.lectern.server.commerce.internal.enrollment.Enrollments;
import io.lectern.server.commerce.internal.enrollment.Refunds;
import io.lectern.server.commerce.internal.enrollment.Sales;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.internal.gateway.PaymentGateway;
import io.lectern.server.commerce.internal.gateway.PaymentRoutes;
import io.lectern.server.commerce.internal.gateway.Payments;
import io.lectern.server.commerce.internal.gateway.PaystackGateway;
import io.lectern.server.commerce.internal.gateway.RazorpayGateway;
import io.lectern.server.commerce.internal.gateway.StripeGateway;
import io.lectern.server.commerce.internal.gateway.WebhookAccepted;
import io.lectern.server.commerce.internal.invoice.InvoiceRoutes;
import io.lectern.server.commerce.internal.invoice.Invoices;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.commerce.internal.payout.EarningsReport;
import io.lectern.server.commerce.internal.payout.PayoutAccounts;
import io.lectern.server.commerce.internal.payout.PayoutRoutes;
import io.lectern.server.commerce.internal.payout.Payouts;
import io.lectern.server.commerce.internal.revenue.Earnings;
import io.lectern.server.commerce.internal.subscription.Plans;
import io.lectern.server.commerce.internal.subscription.SubscriptionRoutes;
import io.lectern.server.commerce.internal.subscription.SubscriptionShares;
import io.lectern.server.commerce.internal.subscription.Subscriptions;
import io.lectern.server.commerce.internal.revenue.RevenueShares;
import io.lectern.server.commerce.internal.wallet.Vouchers;
import io.lectern.server.commerce.internal.wallet.WalletRoutes;
import io.lectern.model.identity.UserView;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.commerce.CommerceSettings;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The commerce module's insides, wired: the ledger, vouchers, enrollments, coupons, refunds, earnings and their
 * routes. {@link io.lectern.server.commerce.CommerceService} is the face other modules see.
 */
public final class CommerceCore {

    private final Ledger ledger;
    private final Enrollments enrollments;
    private final Earnings earnings;
    private final Subscriptions subscriptions;
    private final SubscriptionShares subscriptionShares;

    public CommerceCore(Database database, Clock clock, Ids ids, Json json, EventBus events, JobRunner jobs,
                        Idempotency idempotency, SecretBox secrets, RateLimiter limits, CommerceSettings settings,
                        boolean trustForwardedFor, CatalogService catalog, IdentityService identity,
                        AuditService audit,
                        MailService mail, ApiRoutes routes) {
        this.ledger = new Ledger(ids, clock, settings.currency());
        ledger.openSystemAccounts(database.execute());
        this.earnings = new Earnings(database, clock, ids, ledger);
        RevenueShares shares = new RevenueShares(settings.instructorSharePercent(), clock);
        Coupons coupons = new Coupons(database, clock, ids, catalog, audit);
        this.enrollments = new Enrollments(database, clock, ids, events, catalog, ledger, coupons, shares, earnings, idempotency,
                settings);
        Vouchers vouchers = new Vouchers(database, clock, ids, ledger, secrets, limits, audit);
        new WalletRoutes(database, json, trustForwardedFor, ledger, vouchers).register(routes);
        Invoices invoices = new Invoices(database, clock, ids, identity, settings);
        new EnrollmentRoutes(json, trustForwardedFor, enrollments, new Refunds(database, clock, events, catalog,
                             ledger, earnings, audit, invoices),
                coupons, new Sales(database, clock, catalog, identity)).register(routes);
        PayoutAccounts payoutAccounts = new PayoutAccounts(database, clock, json, secrets, audit);
        Payouts payouts = new Payouts(database, clock, ids, ledger, earnings, payoutAccounts, idempotency, audit,
                settings.payoutThresholdMinor(), identity::recipient, mail);
        new PayoutRoutes(database, clock, json, trustForwardedFor, new EarningsReport(database, ledger, earnings::releaseDue,
                settings.payoutThresholdMinor()), payoutAccounts, payouts, shares, audit,
                courseId -> catalog.offer(courseId).map(c -> c.ownerId()), identity::reauthenticate).register(routes);
        new InvoiceRoutes(json, invoices).register(routes);
        events.subscribeBatch("commerce.invoice-on-sale", EnrollmentCreated.class,
                (sales, tx) -> invoices.issueFor(tx, sales));
        jobs.every("commerce.release-earnings", Duration.ofMinutes(1),
                () -> earnings.releaseDue(Optional.empty()));
        Payments payments = new Payments(database, clock, ids, events, ledger, gateways(json, clock, settings), limits, audit,
                userId -> identity.findById(userId).map(UserView::email));
        new PaymentRoutes(json, trustForwardedFor, payments).register(routes);
        events.subscribe("commerce.apply-webhook", WebhookAccepted.class,
                (event, delivery) -> payments.apply(delivery.tx(), event));
        this.subscriptions = new Subscriptions(database, clock, ids, ledger, invoices, idempotency, audit, settings);
        new SubscriptionRoutes(json, trustForwardedFor, new Plans(database, clock, ids, audit, settings.currency()),
                               subscriptions).register(routes);
        jobs.every("commerce.renew-subscriptions", Duration.ofMinutes(1), subscriptions::renewDue);
        this.subscriptionShares = new SubscriptionShares(database, clock, ledger, shares, catalog);
        jobs.every("commerce.share-subscriptions", Duration.ofMinutes(1), subscriptionShares::shareDue);
    }

    private static Map<String, PaymentGateway> gateways(Json json, Clock clock, CommerceSettings settings) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, PaymentGateway> gateways = new LinkedHashMap<>();
        settings.stripe().ifPresent(k -> gateways.put("stripe", new StripeGateway(k, k.returnUrl(), http,
                json.objectMapper(), clock)));
        settings.razorpay().ifPresent(k -> gateways.put("razorpay", new RazorpayGateway(k, http,
                json.objectMapper())));
        settings.paystack().ifPresent(k -> gateways.put("paystack", new PaystackGateway(k, http,
                json.objectMapper())));
        return gateways;
    }

    public int renewDueSubscriptions() {
        return subscriptions.renewDue();
    }

    public void useStudyTime(io.lectern.server.commerce.StudyTime time) {
        subscriptionShares.useStudyTime(time);
    }

    public int shareSubscriptionRevenue() {
        return subscriptionShares.shareDue();
    }

    public void useProgress(io.lectern.server.commerce.ProgressLookup lookup) {
        enrollments.useProgress(lookup);
    }

    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new CommercePersonalData();
    }

    public boolean hasAccess(DbExecute db, UUID userId, UUID courseId) {
        return enrollments.hasAccess(db, userId, courseId);
    }

}
