package io.lectern.server.commerce.internal.ledger;

/**
 * The ledger's accounts. Owned ones exist per user or instructor; the rest once. Balances of the kinds that must
 * never go negative are kept on the account row under a CHECK; the others are summed from entries when asked.
 */
public enum AccountKind {
    /** A learner's spendable money. */
    WALLET(true, true),
    /** Value of vouchers sold (it goes negative as codes are redeemed: money came in outside the ledger). */
    VOUCHER_FLOAT(false, false),
    /** Money received through payment providers. */
    GATEWAY_CLEARING(false, false),
    /** The platform's share of sales and subscriptions. */
    PLATFORM_REVENUE(false, false),
    /** VAT/GST contained in sales, owed to the tax office. */
    TAX_PAYABLE(false, false),
    /**
     * An instructor's share of sales still inside the refund window. Summed from entries, not kept on the row: every
     * sale of a popular course would otherwise queue on that one row. It cannot go negative all the same, as each
     * debit (release or refund) takes one PENDING earnings row under lock and moves it on, once.
     */
    INSTRUCTOR_PENDING(true, false),
    /** An instructor's share they may ask to be paid out. */
    INSTRUCTOR_AVAILABLE(true, true),
    /** Requested payouts waiting for an admin. */
    INSTRUCTOR_PAYOUT_HOLD(true, true),
    /** Money paid out to instructors' bank accounts. */
    PAYOUTS_SETTLED(false, false);

    private final boolean owned;
    private final boolean tracked;

    AccountKind(boolean owned, boolean tracked) {
        this.owned = owned;
        this.tracked = tracked;
    }

    public boolean owned() {
        return owned;
    }

    /** Whether the balance is kept on the row (and may not go below zero). */
    public boolean tracked() {
        return tracked;
    }
}
