package io.lectern.server.commerce.internal.invoice;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.commerce.Invoice;
import io.lectern.model.identity.UserView;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.commerce.CommerceSettings;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Receipts: every purchase gets an invoice with the tax it contains and a number from an unbroken yearly sequence
 * ({@code LEC-2026-000001}). Invoices are issued after the sale by an outbox listener (so the purchase itself never
 * waits on the counter), exactly once per purchase. A refund issues a credit note from the same sequence, in the
 * refunding transaction, naming the receipt it credits.
 */
public final class Invoices {

    /**
     * An invoice with what its PDF prints.
     *
     * @param view       as the API shows it
     * @param userId     buyer
     * @param buyerName  buyer's name at purchase
     * @param buyerEmail buyer's email at purchase
     * @param seller     seller's name and address
     */
    public record Row(Invoice view, String detail, UUID userId, String buyerName, String buyerEmail, String seller) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids idGen;
    private final IdentityService identity;
    private final CommerceSettings settings;
    private final InvoiceStore store = new InvoiceStore();

    public Invoices(Database db, Clock clock, Ids idGen, IdentityService identity, CommerceSettings settings) {
        this.db = db;
        this.clock = clock;
        this.idGen = idGen;
        this.identity = identity;
        this.settings = settings;
    }

    /**
     * Issues the receipts of paid enrollments, numbered in the order given (the outbox hands several over together;
     * one already issued is skipped, so a repeat, or a refund's credit note racing the outbox, does nothing).
     */
    public void issueFor(DbExecute tx, List<EnrollmentCreated> sales) {
        List<EnrollmentCreated> paid = sales.stream().filter(s -> s.paidMinor() > 0).toList();
        if (paid.isEmpty()) {
            return;
        }
        String[] ids = Rows.uuidArray(paid.stream().map(EnrollmentCreated::enrollmentId).toList());
        // the outbox and a refund (its credit note needs the receipt) may issue the same receipt at once: whoever
        // comes second waits here for the first to commit, and the next statement then sees its receipt
        store.lockEnrollments(tx, ids);
        Map<UUID, InvoiceStore.Bought> bought = store.bought(tx, ids);
        List<Draft> drafts = new ArrayList<>();
        for (EnrollmentCreated sale : paid) {
            InvoiceStore.Bought b = bought.get(sale.enrollmentId());
            if (b == null) {
                throw new IllegalStateException("no enrollment " + sale.enrollmentId() + " for its sale event");
            }
            if (!b.issued()) {
                String detail = b.discount() <= 0 ? null : "List price " + MoneyText.of(b.listPrice(), sale.currency())
                        + ", coupon " + b.coupon() + " −" + MoneyText.of(b.discount(), sale.currency());
                drafts.add(new Draft(sale.userId(), "ENROLLMENT", sale.enrollmentId(), new Lines("Course: " + b.title(),
                        detail), sale.paidMinor(), sale.taxMinor(), sale.currency()));
            }
        }
        issueAll(tx, drafts);
    }

    /** What an invoice is for: a description and an optional detail line beneath it. */
    public record Lines(String description, String detail) {
    }

    /**
     * An invoice to issue.
     *
     * @param userId    buyer
     * @param kind      ENROLLMENT or SUBSCRIPTION, or CREDIT_NOTE
     * @param subjectId what was bought
     * @param lines     what it says
     * @param total     paid, tax included (negative on a credit note)
     * @param tax       tax contained
     * @param currency  currency
     * @param credits   the number of the receipt a credit note credits
     */
    public record Draft(UUID userId, String kind, UUID subjectId, Lines lines, long total, long tax, String currency,
                        String credits) {

        public Draft(UUID userId, String kind, UUID subjectId, Lines lines, long total, long tax, String currency) {
            this(userId, kind, subjectId, lines, total, tax, currency, null);
        }
    }

    /**
     * The credit note of a refunded enrollment, in the refunding transaction: the refunded amount and tax, negative,
     * crediting the enrollment's receipt (issued now if the outbox has not issued it yet).
     */
    public UUID creditNote(DbExecute tx, EnrollmentCreated sale, String reason) {
        issueFor(tx, List.of(sale));
        InvoiceStore.Receipt receipt = store.receiptOf(tx, sale.enrollmentId()).orElseThrow();
        return issue(tx, new Draft(sale.userId(), "CREDIT_NOTE", sale.enrollmentId(), new Lines("Refund of "
                + receipt.description(), reason == null || reason.isBlank() ? null : "Reason: "
                + reason.strip()), -sale.paidMinor(), -sale.taxMinor(), sale.currency(), receipt.number()));
    }

    /** Issues an invoice in the caller's transaction, taking the next number of the year. */
    public UUID issue(DbExecute tx, Draft draft) {
        return issueAll(tx, List.of(draft)).getFirst();
    }

    /** Issues invoices in the caller's transaction, numbered in order from the year's sequence; returns their ids. */
    private List<UUID> issueAll(DbExecute tx, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        long last = store.takeNumbers(tx, year, drafts.size());
        Map<UUID, UserView> buyers = identity.findByIds(tx, drafts.stream().map(Draft::userId).distinct().toList());
        List<UUID> ids = drafts.stream().map(d -> idGen.next()).toList();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            numbers.add(String.format("LEC-%d-%06d", year, last - drafts.size() + 1 + i));
        }
        UserView unknown = new UserView(null, "", "Learner", null);
        store.insert(tx, new InvoiceStore.Issuer(settings.taxRateBasisPoints(), settings.taxName(), settings.seller(), now),
                ids, numbers, drafts, drafts.stream().map(d -> buyers.getOrDefault(d.userId(), unknown)).toList());
        return ids;
    }

    public List<Invoice> ofUser(UUID userId) {
        return store.ofUser(db.execute(), userId).stream().map(Row::view).toList();
    }

    /** An invoice its buyer or an admin may read; others get 404 (an invoice number says nothing to them). */
    public Row readable(Principal p, UUID id) {
        Row row = store.find(db.execute(), id).orElseThrow(() -> ApiException.notFound("This invoice"));
        if (!p.isAdmin() && !row.userId().equals(p.userId())) {
            throw ApiException.notFound("This invoice");
        }
        return row;
    }
}
