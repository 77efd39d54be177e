package io.lectern.server.commerce.internal.invoice;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.Invoice;
import io.lectern.model.identity.UserView;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.config.CommerceSettings;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Receipts: every purchase gets an invoice with the tax it contains and a number from an unbroken yearly sequence
 * ({@code LEC-2026-000001}). Invoices are issued after the sale by an outbox listener (so the purchase itself never
 * waits on the counter), exactly once per purchase.
 */
public final class Invoices {

    private static final String SELECT = "SELECT id, number, user_id, description, detail, total_minor, tax_minor, tax_rate_bp, "
            + "tax_name, currency, buyer_name, buyer_email, seller, issued_at FROM commerce.invoices";

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

    private final Platform platform;
    private final IdentityService identity;
    private final CommerceSettings settings;

    public Invoices(Platform platform, IdentityService identity, CommerceSettings settings) {
        this.platform = platform;
        this.identity = identity;
        this.settings = settings;
    }

    /** Issues the receipt of a paid enrollment (the outbox calls this once per sale; a repeat does nothing). */
    public void issueFor(DbExecute tx, EnrollmentCreated sale) {
        if (sale.paidMinor() <= 0) {
            return;
        }
        if (tx.get("SELECT 1 FROM commerce.invoices WHERE kind = 'ENROLLMENT' AND subject_id = ?", sale.enrollmentId())
                .isPresent()) {
            return;
        }
        DbRow e = tx.get("""
                SELECT e.course_title, e.list_price_minor, e.discount_minor, c.code AS coupon
                  FROM commerce.enrollments e LEFT JOIN commerce.coupons c ON c.id = e.coupon_id
                 WHERE e.id = ?""", sale.enrollmentId()).orElseThrow();
        long discount = Rows.number(e, "discount_minor");
        String detail = discount <= 0 ? null : "List price " + MoneyText.of(Rows.number(e, "list_price_minor"),
                sale.currency()) + ", coupon " + Rows.text(e, "coupon") + " −" + MoneyText.of(discount, sale.currency());
        issue(tx, sale.userId(), "ENROLLMENT", sale.enrollmentId(), new Lines("Course: " + Rows.text(e, "course_title"),
                detail), sale.paidMinor(), sale.taxMinor(), sale.currency());
    }

    /** What an invoice is for: a description and an optional detail line beneath it. */
    public record Lines(String description, String detail) {
    }

    /** Issues an invoice in the caller's transaction, taking the next number of the year. */
    public UUID issue(DbExecute tx, UUID userId, String kind, UUID subjectId, Lines lines, long total, long tax,
                      String currency) {
        var now = platform.clock().instant();
        int year = now.atOffset(ZoneOffset.UTC).getYear();
        long next = tx.get("""
                INSERT INTO commerce.invoice_counters (year, last) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last = commerce.invoice_counters.last + 1
                RETURNING last""", year).map(r -> Rows.number(r, "last")).orElseThrow();
        UserView buyer = identity.findById(tx, userId).orElse(new UserView(userId, "", "Learner", null));
        UUID id = platform.ids().next();
        tx.insert("""
                INSERT INTO commerce.invoices (id, number, user_id, kind, subject_id, description, detail, total_minor,
                                               tax_minor, tax_rate_bp, tax_name, currency, buyer_name, buyer_email, seller,
                                               issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, String.format("LEC-%d-%06d", year, next),
                userId, kind, subjectId, lines.description(), lines.detail(), total, tax, settings.taxRateBasisPoints(),
                settings.taxName(), currency, buyer.displayName(), buyer.email(), settings.seller(), Rows.param(now));
        return id;
    }

    public List<Invoice> ofUser(UUID userId) {
        try (var rows = platform.db().execute().query(SELECT + " WHERE user_id = ? ORDER BY issued_at DESC", userId)) {
            return rows.map(r -> row(r).view()).toList();
        }
    }

    /** An invoice its buyer or an admin may read; others get 404 (an invoice number says nothing to them). */
    public Row readable(Principal p, UUID id) {
        Row row = platform.db().execute().get(SELECT + " WHERE id = ?", id).map(Invoices::row)
                .orElseThrow(() -> ApiException.notFound("This invoice"));
        if (!p.isAdmin() && !row.userId().equals(p.userId())) {
            throw ApiException.notFound("This invoice");
        }
        return row;
    }

    public Optional<UUID> ofEnrollment(UUID enrollmentId) {
        return platform.db().execute().get("SELECT id FROM commerce.invoices WHERE kind = 'ENROLLMENT' AND subject_id = ?",
                enrollmentId).map(r -> Rows.uuid(r, "id"));
    }

    static void requireAccess(Principal p, Row row) {
        if (!p.isAdmin() && !row.userId().equals(p.userId())) {
            throw Authz.forbidden();
        }
    }

    private static Row row(DbRow r) {
        UUID id = Rows.uuid(r, "id");
        String currency = Rows.text(r, "currency");
        Invoice view = new Invoice(id, Rows.text(r, "number"), Rows.text(r, "description"),
                new Money(Rows.number(r, "total_minor"), currency), new Money(Rows.number(r, "tax_minor"), currency),
                Rows.number(r, "tax_rate_bp") / 100.0, Rows.text(r, "tax_name"), Rows.instant(r, "issued_at"),
                "/api/v1/invoices/" + id + ".pdf");
        return new Row(view, Rows.text(r, "detail"), Rows.uuid(r, "user_id"), Rows.text(r, "buyer_name"),
                Rows.text(r, "buyer_email"), Rows.text(r, "seller"));
    }
}
