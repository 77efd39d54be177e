package io.lectern.server.commerce.internal.invoice;

import io.lectern.model.commerce.Invoice;
import io.lectern.server.commerce.internal.MoneyText;
import io.lectern.server.platform.pdf.PdfFonts;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Renders an invoice as a one-page A4 PDF (PDFBox, DejaVu Sans embedded). */
final class ReceiptPdf {

    private static final Color ACCENT = new Color(0x2f, 0x5d, 0xa8);
    private static final Color MUTED = new Color(0x55, 0x5b, 0x66);
    private static final float LEFT = 56;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 56;

    private ReceiptPdf() {
    }

    static byte[] render(Invoices.Row row) {
        Invoice inv = row.view();
        boolean credit = "CREDIT_NOTE".equals(inv.kind());
        String title = (credit ? "Credit note " : "Invoice ") + inv.number();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfFonts fonts = PdfFonts.load(doc);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setAuthor(row.seller());
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float top = PDRectangle.A4.getHeight() - 64;
                PdfFonts.text(s, fonts.bold(), 22, ACCENT, LEFT, top, row.seller());
                PdfFonts.text(s, fonts.bold(), 16, Color.BLACK, LEFT, top - 44, title);
                PdfFonts.text(s, fonts.regular(), 10, MUTED, LEFT, top - 62, "Issued "
                        + DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                                .format(inv.issuedAt().atOffset(ZoneOffset.UTC)) + (credit ? "  ·  credits invoice "
                        + inv.credits() + "  ·  refunded to the wallet" : "  ·  paid from the Lectern wallet"));
                PdfFonts.text(s, fonts.bold(), 10, MUTED, LEFT, top - 100, "BILLED TO");
                PdfFonts.text(s, fonts.regular(), 11, Color.BLACK, LEFT, top - 116, row.buyerName());
                PdfFonts.text(s, fonts.regular(), 11, Color.BLACK, LEFT, top - 131, row.buyerEmail());
                float y = top - 180;
                rule(s, y + 16);
                PdfFonts.text(s, fonts.bold(), 10, MUTED, LEFT, y, "DESCRIPTION");
                right(s, fonts.bold(), 10, MUTED, RIGHT, y, "AMOUNT");
                rule(s, y - 8);
                long total = inv.total().amountMinor();
                long tax = inv.tax().amountMinor();
                String currency = inv.total().currency();
                PdfFonts.text(s, fonts.regular(), 11, Color.BLACK, LEFT, y - 28, fit(inv.description(), 70));
                right(s, fonts.regular(), 11, Color.BLACK, RIGHT, y - 28, money(total - tax, currency));
                if (row.detail() != null) {
                    y -= 14;
                    PdfFonts.text(s, fonts.regular(), 9, MUTED, LEFT, y - 28, fit(row.detail(), 90));
                }
                String rate = String.format(Locale.ROOT, "%s %.2f %%", inv.taxName(), inv.taxRatePercent())
                        .replace(".00 %", " %");
                PdfFonts.text(s, fonts.regular(), 11, Color.BLACK, LEFT, y - 48, rate);
                right(s, fonts.regular(), 11, Color.BLACK, RIGHT, y - 48, money(tax, currency));
                rule(s, y - 62);
                PdfFonts.text(s, fonts.bold(), 12, Color.BLACK, LEFT, y - 82, (credit ? "Total refunded (" : "Total paid (")
                        + inv.taxName() + " included)");
                right(s, fonts.bold(), 12, Color.BLACK, RIGHT, y - 82, money(total, currency));
                PdfFonts.text(s, fonts.regular(), 9, MUTED, LEFT, 76, (credit ? "This credit note" : "This receipt")
                        + " was issued by " + fit(row.seller(), 60) + ". Keep it for your records.");
                PdfFonts.text(s, fonts.regular(), 9, MUTED, LEFT, 64, credit ? "It cancels the invoice named above, in the "
                        + "amounts shown." : "Refunds within the refund window are returned to your Lectern wallet.");
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A negative amount with a real minus sign. */
    private static String money(long minor, String currency) {
        String text = MoneyText.of(minor, currency);
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void rule(PDPageContentStream s, float y) throws IOException {
        s.setStrokingColor(new Color(0xd0, 0xd4, 0xda));
        s.setLineWidth(0.8f);
        s.moveTo(LEFT, y);
        s.lineTo(RIGHT, y);
        s.stroke();
    }


    private static void right(PDPageContentStream s, PDFont font, float size, Color color, float x, float y, String text)
            throws IOException {
        PdfFonts.text(s, font, size, color, x - font.getStringWidth(text) / 1000 * size, y, text);
    }
}
