package io.lectern.server.commerce.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accounts", Rows.maps(db, "SELECT id, kind, currency, balance, created_at FROM commerce.accounts "
                + "WHERE owner_id = ? ORDER BY kind", p.id()));
        out.put("movements", Rows.maps(db, """
                SELECT t.created_at, a.kind AS account, e.amount, a.currency, t.kind, t.memo, t.reference
                  FROM commerce.entries e JOIN commerce.accounts a ON a.id = e.account_id
                  JOIN commerce.transactions t ON t.id = e.transaction_id
                 WHERE a.owner_id = ? ORDER BY t.created_at, e.id""", p.id()));
        out.put("enrollments", Rows.maps(db, """
                SELECT id, course_id, course_title, status, source, list_price_minor, discount_minor, paid_minor,
                       tax_minor, currency, created_at, refundable_until, ended_at
                  FROM commerce.enrollments WHERE user_id = ? ORDER BY created_at""", p.id()));
        out.put("invoices", Rows.maps(db, """
                SELECT number, kind, description, total_minor, tax_minor, tax_name, currency, buyer_name, buyer_email,
                       seller, issued_at FROM commerce.invoices WHERE user_id = ? ORDER BY issued_at""", p.id()));
        out.put("payments", Rows.maps(db, "SELECT provider, provider_ref, amount_minor, currency, status, created_at, "
                + "paid_at FROM commerce.payments WHERE user_id = ? ORDER BY created_at", p.id()));
        out.put("subscriptions", Rows.maps(db, "SELECT s.status, pl.name AS plan, s.current_period_end, "
                + "s.cancel_at_period_end, s.created_at FROM commerce.subscriptions s JOIN commerce.subscription_plans pl "
                + "ON pl.id = s.plan_id WHERE s.user_id = ? ORDER BY s.created_at", p.id()));
        out.put("subscriptionPeriods", Rows.maps(db, "SELECT starts_at, ends_at, net_minor, currency, shared_at FROM "
                + "commerce.subscription_periods WHERE user_id = ? ORDER BY starts_at", p.id()));
        out.put("subscriptionShares", Rows.maps(db, "SELECT s.course_id, s.seconds, s.amount_minor, p.ends_at FROM "
                + "commerce.subscription_shares s JOIN commerce.subscription_periods p ON p.id = s.period_id "
                + "WHERE s.instructor_id = ? ORDER BY p.ends_at", p.id()));
        out.put("couponsUsed", Rows.maps(db, "SELECT c.code, u.enrollment_id, u.created_at FROM commerce.coupon_uses u "
                + "JOIN commerce.coupons c ON c.id = u.coupon_id WHERE u.user_id = ? ORDER BY u.created_at", p.id()));
        out.put("vouchersRedeemed", Rows.maps(db, "SELECT v.id, b.amount_minor, b.currency, v.redeemed_at FROM "
                + "commerce.vouchers v JOIN commerce.voucher_batches b ON b.id = v.batch_id WHERE v.redeemed_by = ? "
                + "ORDER BY v.redeemed_at", p.id()));
        out.put("earnings", Rows.maps(db, "SELECT enrollment_id, course_id, amount_minor, status, available_at, created_at "
                + "FROM commerce.earnings WHERE instructor_id = ? ORDER BY created_at", p.id()));
        out.put("payoutAccount", Rows.maps(db, "SELECT masked, updated_at FROM commerce.payout_accounts WHERE "
                + "instructor_id = ?", p.id()));
        out.put("payouts", Rows.maps(db, "SELECT id, amount_minor, currency, status, account_masked, requested_at, "
                + "decided_at, paid_at, reference FROM commerce.payouts WHERE instructor_id = ? ORDER BY requested_at", p.id()));
        out.put("revenueShares", Rows.maps(db, "SELECT scope, subject_id, instructor_percent, updated_at FROM "
                + "commerce.revenue_shares WHERE subject_id = ? OR updated_by = ?", p.id(), p.id()));
        out.put("couponsCreated", Rows.maps(db, "SELECT code, kind, value, course_id, used, created_at FROM commerce.coupons "
                + "WHERE created_by = ? ORDER BY created_at", p.id()));
        out.put("voucherBatchesCreated", Rows.maps(db, "SELECT id, count, amount_minor, currency, note, created_at, revoked_at "
                + "FROM commerce.voucher_batches WHERE created_by = ? OR revoked_by = ? ORDER BY created_at", p.id(), p.id()));
        out.put("payoutDecisions", Rows.maps(db, "SELECT id, status, decided_at FROM commerce.payouts WHERE decided_by = ? "
                + "ORDER BY decided_at", p.id()));
        out.put("ledgerActions", Rows.maps(db, "SELECT id, kind, reference, memo, created_at FROM commerce.transactions "
                + "WHERE actor_id = ? ORDER BY created_at", p.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person p) {
        if (tx.get("SELECT 1 FROM commerce.payouts WHERE instructor_id = ? AND status IN ('REQUESTED', 'APPROVED') "
                + "LIMIT 1", p.id()).isPresent()) {
            throw new ApiException(409, "account.payout_pending", "A payout to you is on its way; delete the account "
                    + "once it was paid or rejected (the money needs your bank details until then).");
        }
        tx.dml("UPDATE commerce.invoices SET buyer_name = ?, buyer_email = '' WHERE user_id = ?", FORMER_BUYER, p.id());
        tx.dml("DELETE FROM commerce.payout_accounts WHERE instructor_id = ?", p.id());
        tx.dml("UPDATE commerce.subscriptions SET status = 'CANCELLED', cancel_at_period_end = true, updated_at = now() "
                + "WHERE user_id = ? AND status IN ('ACTIVE', 'PAST_DUE')", p.id());
    }
}
