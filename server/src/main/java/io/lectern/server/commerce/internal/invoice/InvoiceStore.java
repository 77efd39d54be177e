package io.lectern.server.commerce.internal.invoice;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Invoice;
import io.lectern.model.identity.UserView;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** SQL over commerce.invoices and commerce.invoice_counters, and the reads of commerce.enrollments a receipt needs. */
public final class InvoiceStore {

    private static final String SELECT = "SELECT id, number, user_id, kind, description, detail, total_minor, tax_minor, "
            + "tax_rate_bp, tax_name, currency, buyer_name, buyer_email, seller, issued_at, credits FROM commerce.invoices";

    /**
     * What an enrollment's receipt needs from it.
     *
     * @param title     course title
     * @param listPrice price before discount
     * @param discount  coupon discount
     * @param coupon    the coupon's code, or null
     * @param issued    whether its receipt exists
     */
    record Bought(String title, long listPrice, long discount, String coupon, boolean issued) {
    }

    /**
     * A receipt's number and what it said.
     *
     * @param number      invoice number
     * @param description its description
     */
    record Receipt(String number, String description) {
    }

    /**
     * What every invoice issued together carries besides its own lines.
     *
     * @param taxRateBasisPoints tax rate
     * @param taxName            the tax's name
     * @param seller             seller's name and address
     * @param issuedAt           when
     */
    record Issuer(int taxRateBasisPoints, String taxName, String seller, Instant issuedAt) {
    }

    /** Locks the enrollments (in id order) until the transaction ends. */
    void lockEnrollments(DbExecute tx, String[] enrollmentIds) {
        try (var locked = tx.query("SELECT id FROM commerce.enrollments WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE",
                (Object) enrollmentIds)) {
            locked.forEach(r -> { });
        }
    }

    /** What the receipts of these enrollments need, by enrollment id. */
    Map<UUID, Bought> bought(DbExecute tx, String[] enrollmentIds) {
        Map<UUID, Bought> bought = new HashMap<>();
        // the ids again inside EXISTS: without them a planner misled by stale statistics (a table that grew fast
        // since its last analyze) hashes every enrollment invoice ever issued instead of looking up these
        try (var rows = tx.query("""
                SELECT e.id, e.course_title, e.list_price_minor, e.discount_minor, c.code AS coupon,
                       EXISTS (SELECT 1 FROM commerce.invoices i
                                WHERE i.kind = 'ENROLLMENT' AND i.subject_id = e.id AND i.subject_id = ANY(?::uuid[]))
                         AS issued
                  FROM commerce.enrollments e LEFT JOIN commerce.coupons c ON c.id = e.coupon_id
                 WHERE e.id = ANY(?::uuid[])""", enrollmentIds, enrollmentIds)) {
            rows.forEach(r -> bought.put(Rows.uuid(r, "id"), new Bought(Rows.text(r, "course_title"),
                    Rows.number(r, "list_price_minor"), Rows.number(r, "discount_minor"), Rows.text(r, "coupon"),
                    Rows.flag(r, "issued"))));
        }
        return bought;
    }

    /** An enrollment's receipt. */
    Optional<Receipt> receiptOf(DbExecute tx, UUID enrollmentId) {
        return tx.get("SELECT number, description FROM commerce.invoices WHERE kind = 'ENROLLMENT' "
                + "AND subject_id = ?", enrollmentId).map(r -> new Receipt(Rows.text(r, "number"),
                Rows.text(r, "description")));
    }

    /** Takes the next {@code count} numbers of the year's sequence; returns the last one taken. */
    long takeNumbers(DbExecute tx, int year, int count) {
        return tx.get("""
                INSERT INTO commerce.invoice_counters (year, last) VALUES (?, ?)
                ON CONFLICT (year) DO UPDATE SET last = commerce.invoice_counters.last + EXCLUDED.last
                RETURNING last""", year, count).map(r -> Rows.number(r, "last")).orElseThrow();
    }

    /** Inserts invoices in one statement: {@code ids}, {@code numbers} and {@code buyers} go with the drafts in order. */
    void insert(DbExecute tx, Issuer issuer, List<UUID> ids, List<String> numbers, List<Invoices.Draft> drafts,
                List<UserView> buyers) {
        tx.insert("""
                INSERT INTO commerce.invoices (id, number, user_id, kind, subject_id, description, detail, total_minor,
                                               tax_minor, currency, buyer_name, buyer_email, credits, tax_rate_bp, tax_name,
                                               seller, issued_at)
                SELECT d.*, ?, ?, ?, ? FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[],
                                                   ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                                                   ?::text[]) AS d""",
                issuer.taxRateBasisPoints(), issuer.taxName(), issuer.seller(), Rows.param(issuer.issuedAt()),
                Rows.uuidArray(ids), numbers.toArray(String[]::new), column(drafts, d -> d.userId().toString()),
                column(drafts, Invoices.Draft::kind), column(drafts, d -> d.subjectId().toString()),
                column(drafts, d -> d.lines().description()), column(drafts, d -> d.lines().detail()),
                drafts.stream().mapToLong(Invoices.Draft::total).toArray(),
                drafts.stream().mapToLong(Invoices.Draft::tax).toArray(), column(drafts, Invoices.Draft::currency),
                buyers.stream().map(UserView::displayName).toArray(String[]::new),
                buyers.stream().map(UserView::email).toArray(String[]::new), column(drafts, Invoices.Draft::credits));
    }

    private static String[] column(List<Invoices.Draft> drafts, Function<Invoices.Draft, String> value) {
        return drafts.stream().map(value).toArray(String[]::new);
    }

    List<Invoices.Row> ofUser(DbExecute db, UUID userId) {
        try (var rows = db.query(SELECT + " WHERE user_id = ? ORDER BY issued_at DESC", userId)) {
            return rows.map(InvoiceStore::row).toList();
        }
    }

    Optional<Invoices.Row> find(DbExecute db, UUID id) {
        return db.get(SELECT + " WHERE id = ?", id).map(InvoiceStore::row);
    }

    /** A buyer's invoices and credit notes, oldest first (data export). */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, """
                SELECT number, kind, description, total_minor, tax_minor, tax_name, currency, buyer_name, buyer_email,
                       seller, issued_at FROM commerce.invoices WHERE user_id = ? ORDER BY issued_at""", userId);
    }

    /** Takes the buyer's name (replaced by {@code formerBuyer}) and email off their invoices (account deletion). */
    public void eraseFor(DbExecute tx, UUID userId, String formerBuyer) {
        tx.dml("UPDATE commerce.invoices SET buyer_name = ?, buyer_email = '' WHERE user_id = ?", formerBuyer, userId);
    }

    private static Invoices.Row row(DbRow r) {
        UUID id = Rows.uuid(r, "id");
        String currency = Rows.text(r, "currency");
        Invoice view = new Invoice(id, Rows.text(r, "number"), Rows.text(r, "description"),
                new Money(Rows.number(r, "total_minor"), currency), new Money(Rows.number(r, "tax_minor"), currency),
                Rows.number(r, "tax_rate_bp") / 100.0, Rows.text(r, "tax_name"), Rows.instant(r, "issued_at"),
                "/api/v1/invoices/" + id + ".pdf", Rows.text(r, "kind"), Rows.text(r, "credits"));
        return new Invoices.Row(view, Rows.text(r, "detail"), Rows.uuid(r, "user_id"), Rows.text(r, "buyer_name"),
                Rows.text(r, "buyer_email"), Rows.text(r, "seller"));
    }
}
