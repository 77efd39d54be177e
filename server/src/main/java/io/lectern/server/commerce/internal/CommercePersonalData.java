package io.lectern.server.commerce.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.commerce.internal.enrollment.CouponStore;
import io.lectern.server.commerce.internal.enrollment.EnrollmentStore;
import io.lectern.server.commerce.internal.gateway.PaymentStore;
import io.lectern.server.commerce.internal.invoice.InvoiceStore;
import io.lectern.server.commerce.internal.ledger.LedgerStore;
import io.lectern.server.commerce.internal.payout.PayoutStore;
import io.lectern.server.commerce.internal.revenue.EarningsStore;
import io.lectern.server.commerce.internal.revenue.RevenueShareStore;
import io.lectern.server.commerce.internal.subscription.SubscriptionStore;
import io.lectern.server.commerce.internal.wallet.VoucherStore;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Commerce's part: the wallet and its movements, enrollments, invoices and credit notes, card payments,
 * subscriptions, coupons and vouchers used; for instructors their earnings, payouts and payout account (masked); for
 * staff the coupons, voucher batches and revenue shares they set. Money records are kept when the account is deleted
 * (the law asks for them) under the now anonymous id, with the buyer's name and address taken off invoices; bank
 * details and stored answers go, and subscriptions end. While a payout is on its way the account cannot be deleted:
 * the money would have nowhere to go.
 */
final class CommercePersonalData implements PersonalData {

    static final String FORMER_BUYER = "Former learner";

    private final LedgerStore ledger = new LedgerStore();
    private final EnrollmentStore enrollments = new EnrollmentStore();
    private final InvoiceStore invoices = new InvoiceStore();
    private final PaymentStore payments = new PaymentStore();
    private final SubscriptionStore subscriptions = new SubscriptionStore();
    private final CouponStore coupons = new CouponStore();
    private final VoucherStore vouchers = new VoucherStore();
    private final EarningsStore earnings = new EarningsStore();
    private final PayoutStore payouts = new PayoutStore();
    private final RevenueShareStore revenueShares = new RevenueShareStore();

    @Override
    public String section() {
        return "commerce";
    }

    @Override
    public Set<String> tables() {
        return Set.of("commerce.accounts", "commerce.transactions",
                "commerce.voucher_batches", "commerce.vouchers", "commerce.coupons", "commerce.enrollments",
                "commerce.coupon_uses", "commerce.revenue_shares", "commerce.earnings", "commerce.payout_accounts",
                "commerce.payouts", "commerce.invoices", "commerce.payments", "commerce.subscriptions",
                "commerce.subscription_periods", "commerce.subscription_shares");
    }

    @Override
    public Object export(DbExecute db, Person p) {
        UUID id = p.id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accounts", ledger.exportAccounts(db, id));
        out.put("movements", ledger.exportMovements(db, id));
        out.put("enrollments", enrollments.exportFor(db, id));
        out.put("invoices", invoices.exportFor(db, id));
        out.put("payments", payments.exportFor(db, id));
        out.put("subscriptions", subscriptions.exportSubscriptions(db, id));
        out.put("subscriptionPeriods", subscriptions.exportPeriods(db, id));
        out.put("subscriptionShares", subscriptions.exportShares(db, id));
        out.put("couponsUsed", coupons.exportUses(db, id));
        out.put("vouchersRedeemed", vouchers.exportRedeemed(db, id));
        out.put("earnings", earnings.exportFor(db, id));
        out.put("payoutAccount", payouts.exportAccount(db, id));
        out.put("payouts", payouts.exportPayouts(db, id));
        out.put("revenueShares", revenueShares.exportFor(db, id));
        out.put("couponsCreated", coupons.exportCreated(db, id));
        out.put("voucherBatchesCreated", vouchers.exportBatches(db, id));
        out.put("payoutDecisions", payouts.exportDecisions(db, id));
        out.put("ledgerActions", ledger.exportActions(db, id));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person p) {
        if (payouts.hasPayoutOnItsWay(tx, p.id())) {
            throw new ApiException(409, "account.payout_pending", "A payout to you is on its way; delete the account "
                    + "once it was paid or rejected (the money needs your bank details until then).");
        }
        invoices.eraseFor(tx, p.id(), FORMER_BUYER);
        payouts.eraseFor(tx, p.id());
        subscriptions.eraseFor(tx, p.id());
    }
}
