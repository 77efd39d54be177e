package io.lectern.server.commerce.internal.invoice;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Invoice;
import io.lectern.model.identity.UserView;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.config.CommerceSettings;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Receipts: every purchase gets an invoice with the tax it contains and a number from an unbroken yearly sequence
 * ({@code LEC-2026-000001}). Invoices are issued after the sale by an outbox listener (so the purchase itself never
 * waits on the counter), exactly once per purchase. A refund issues a credit note from the same sequence, in the
 * refunding transaction, naming the receipt it credits.
 */
public final class Invoices {

    private static final String SELECT = "SELECT id, number, user_id, kind, description, detail, total_minor, tax_minor, "
            + "tax_rate_bp, tax_name, currency, buyer_name, buyer_email, seller, issued_at, credits FROM commerce.invoices";

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
        Map<UUID, Bought> bought = new HashMap<>();
        String[] ids = Rows.uuidArray(paid.stream().map(EnrollmentCreated::enrollmentId).toList());
        // the outbox and a refund (its credit note needs the receipt) may issue the same receipt at once: whoever
        // comes second waits here for the first to commit, and the next statement then sees its receipt
        try (var locked = tx.query("SELECT id FROM commerce.enrollments WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE",
                (Object) ids)) {
            locked.forEach(r -> { });
        }
        // the ids again inside EXISTS: without them a planner misled by stale statistics (a table that grew fast
        // since its last analyze) hashes every enrollment invoice ever issued instead of looking up these
        try (var rows = tx.query("""
                SELECT e.id, e.course_title, e.list_price_minor, e.discount_minor, c.code AS coupon,
                       EXISTS (SELECT 1 FROM commerce.invoices i
                                WHERE i.kind = 'ENROLLMENT' AND i.subject_id = e.id AND i.subject_id = ANY(?::uuid[]))
                         AS issued
                  FROM commerce.enrollments e LEFT JOIN commerce.coupons c ON c.id = e.coupon_id
                 WHERE e.id = ANY(?::uuid[])""", ids, ids)) {
            rows.forEach(r -> bought.put(Rows.uuid(r, "id"), new Bought(Rows.text(r, "course_title"),
                    Rows.number(r, "list_price_minor"), Rows.number(r, "discount_minor"), Rows.text(r, "coupon"),
                    Rows.flag(r, "issued"))));
        }
        List<Draft> drafts = new ArrayList<>();
        for (EnrollmentCreated sale : paid) {
            Bought b = bought.get(sale.enrollmentId());
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

    /** What an enrollment's receipt needs from it. */
    private record Bought(String title, long listPrice, long discount, String coupon, boolean issued) {
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
        var receipt = tx.get("SELECT number, description FROM commerce.invoices WHERE kind = 'ENROLLMENT' "
                + "AND subject_id = ?", sale.enrollmentId()).orElseThrow();
        return issue(tx, new Draft(sale.userId(), "CREDIT_NOTE", sale.enrollmentId(), new Lines("Refund of "
                + Rows.text(receipt, "description"), reason == null || reason.isBlank() ? null : "Reason: "
                + reason.strip()), -sale.paidMinor(), -sale.taxMinor(), sale.currency(), Rows.text(receipt, "number")));
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
        long last = tx.get("""
                INSERT INTO commerce.invoice_counters (year, last) VALUES (?, ?)
                ON CONFLICT (year) DO UPDATE SET last = commerce.invoice_counters.last + EXCLUDED.last
                RETURNING last""", year, drafts.size()).map(r -> Rows.number(r, "last")).orElseThrow();
        Map<UUID, UserView> buyers = identity.findByIds(tx, drafts.stream().map(Draft::userId).distinct().toList());
        List<UUID> ids = drafts.stream().map(d -> idGen.next()).toList();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            numbers.add(String.format("LEC-%d-%06d", year, last - drafts.size() + 1 + i));
        }
        UserView unknown = new UserView(null, "", "Learner", null);
        tx.insert("""
                INSERT INTO commerce.invoices (id, number, user_id, kind, subject_id, description, detail, total_minor,
                                               tax_minor, currency, buyer_name, buyer_email, credits, tax_rate_bp, tax_name,
                                               seller, issued_at)
                SELECT d.*, ?, ?, ?, ? FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[],
                                                   ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                                   ?::text[]) AS d""",
                settings.taxRateBasisPoints(), settings.taxName(), settings.seller(), Rows.param(now),
                Rows.uuidArray(ids), numbers.toArray(String[]::new), column(drafts, d -> d.userId().toString()),
                column(drafts, Draft::kind), column(drafts, d -> d.subjectId().toString()),
                column(drafts, d -> d.lines().description()), column(drafts, d -> d.lines().detail()),
                drafts.stream().mapToLong(Draft::total).toArray(), drafts.stream().mapToLong(Draft::tax).toArray(),
                column(drafts, Draft::currency),
                column(drafts, d -> buyers.getOrDefault(d.userId(), unknown).displayName()),
                column(drafts, d -> buyers.getOrDefault(d.userId(), unknown).email()), column(drafts, Draft::credits));
        return ids;
    }

    private static String[] column(List<Draft> drafts, Function<Draft, String> value) {
        return drafts.stream().map(value).toArray(String[]::new);
    }

    public List<Invoice> ofUser(UUID userId) {
        try (var rows = db.execute().query(SELECT + " WHERE user_id = ? ORDER BY issued_at DESC", userId)) {
            return rows.map(r -> row(r).view()).toList();
        }
    }

    /** An invoice its buyer or an admin may read; others get 404 (an invoice number says nothing to them). */
    public Row readable(Principal p, UUID id) {
        Row row = db.execute().get(SELECT + " WHERE id = ?", id).map(Invoices::row)
                .orElseThrow(() -> ApiException.notFound("This invoice"));
        if (!p.isAdmin() && !row.userId().equals(p.userId())) {
            throw ApiException.notFound("This invoice");
        }
        return row;
    }

    private static Row row(DbRow r) {
        UUID id = Rows.uuid(r, "id");
        String currency = Rows.text(r, "currency");
        Invoice view = new Invoice(id, Rows.text(r, "number"), Rows.text(r, "description"),
                new Money(Rows.number(r, "total_minor"), currency), new Money(Rows.number(r, "tax_minor"), currency),
                Rows.number(r, "tax_rate_bp") / 100.0, Rows.text(r, "tax_name"), Rows.instant(r, "issued_at"),
                "/api/v1/invoices/" + id + ".pdf", Rows.text(r, "kind"), Rows.text(r, "credits"));
        return new Row(view, Rows.text(r, "detail"), Rows.uuid(r, "user_id"), Rows.text(r, "buyer_name"),
                Rows.text(r, "buyer_email"), Rows.text(r, "seller"));
    }
}
