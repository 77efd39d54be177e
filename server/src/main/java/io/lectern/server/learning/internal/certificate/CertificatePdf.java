package io.lectern.server.learning.internal.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.lectern.server.platform.pdf.PdfFonts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A certificate as a landscape A4 page someone would frame: a double border in the course's accent colour, the
 * learner's name large in serif, the wording, course and instructors, date, the optional logo and signature images,
 * a QR code to the public verification page and the verification code.
 */
final class CertificatePdf {

    private static final float W = PDRectangle.A4.getHeight();
    private static final float H = PDRectangle.A4.getWidth();
    private static final Color INK = new Color(0x22, 0x26, 0x2e);
    private static final Color MUTED = new Color(0x5c, 0x63, 0x70);

    private CertificatePdf() {
    }

    static byte[] render(CertificateStore.Row c, CertificateStore.Template t, String verifyUrl, Map<String, byte[]> images) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(W, H));
            doc.addPage(page);
            doc.getDocumentInformation().setTitle("Certificate " + c.code() + " — " + c.courseTitle());
            PdfFonts sans = PdfFonts.load(doc);
            PdfFonts.Serif serif = PdfFonts.serif(doc);
            Color accent = Color.decode(t.accent());
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                frame(s, accent);
                centred(s, sans.bold(), 13, accent, H - 110, "CERTIFICATE OF COMPLETION");
                centred(s, serif.italic(), 14, MUTED, H - 160, "This certifies that");
                centred(s, serif.bold(), fit(serif.bold(), c.learnerName(), 40, W - 200), INK, H - 215, c.learnerName());
                rule(s, accent, W / 2 - 180, W / 2 + 180, H - 232);
                centred(s, serif.italic(), 14, MUTED, H - 265, t.wording());
                centred(s, serif.bold(), fit(serif.bold(), c.courseTitle(), 24, W - 220), INK, H - 305, c.courseTitle());
                centred(s, sans.regular(), 11, MUTED, H - 335, "taught by " + c.instructors());
                String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                        .format(c.issuedAt().atOffset(ZoneOffset.UTC));
                footer(s, doc, sans, c, t, date, accent, images);
                PDImageXObject qr = LosslessFactory.createFromImage(doc, qr(verifyUrl));
                s.drawImage(qr, W - 170, 62, 96, 96);
                PdfFonts.text(s, sans.regular(), 7.5f, MUTED, W - 172, 52, "Verify: " + c.code());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void footer(PDPageContentStream s, PDDocument doc, PdfFonts sans, CertificateStore.Row c,
                               CertificateStore.Template t, String date, Color accent, Map<String, byte[]> images)
            throws IOException {
        float left = 110;
        PdfFonts.text(s, sans.bold(), 11, INK, left, 112, date);
        rule(s, accent, left, left + 170, 104);
        PdfFonts.text(s, sans.regular(), 9, MUTED, left, 90, "Date of completion");
        float mid = W / 2 - 85;
        if (images.containsKey("signature")) {
            image(s, doc, images.get("signature"), mid, 110, 170, 44);
        }
        rule(s, accent, mid, mid + 170, 104);
        PdfFonts.text(s, sans.bold(), 10, INK, mid, 90, t.signerName() == null ? c.instructors() : t.signerName());
        if (t.signerTitle() != null) {
            PdfFonts.text(s, sans.regular(), 9, MUTED, mid, 77, t.signerTitle());
        }
        if (images.containsKey("logo")) {
            image(s, doc, images.get("logo"), 70, H - 130, 120, 60);
        }
        PdfFonts.text(s, sans.regular(), 7.5f, MUTED, left, 50, "Certificate " + c.code() + " · signed with Ed25519 · "
                + "verify at the address in the QR code");
    }

    private static void image(PDPageContentStream s, PDDocument doc, byte[] bytes, float x, float y, float maxW,
                              float maxH) throws IOException {
        try {
            PDImageXObject img = PDImageXObject.createFromByteArray(doc, bytes, "image");
            float scale = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
            s.drawImage(img, x, y, img.getWidth() * scale, img.getHeight() * scale);
        } catch (IOException | IllegalArgumentException unreadable) {
            // an image the template points at but PDFBox cannot read is left out rather than failing the certificate
        }
    }

    private static void frame(PDPageContentStream s, Color accent) throws IOException {
        s.setStrokingColor(accent);
        s.setLineWidth(6);
        s.addRect(28, 28, W - 56, H - 56);
        s.stroke();
        s.setLineWidth(1);
        s.addRect(40, 40, W - 80, H - 80);
        s.stroke();
    }

    private static void rule(PDPageContentStream s, Color color, float x1, float x2, float y) throws IOException {
        s.setStrokingColor(color);
        s.setLineWidth(0.8f);
        s.moveTo(x1, y);
        s.lineTo(x2, y);
        s.stroke();
    }

    private static float fit(PDFont font, String text, float size, float width) throws IOException {
        float w = font.getStringWidth(text) / 1000 * size;
        return w <= width ? size : Math.max(12, size * width / w);
    }

    private static void centred(PDPageContentStream s, PDFont font, float size, Color color, float y, String text)
            throws IOException {
        PdfFonts.text(s, font, size, color, (W - font.getStringWidth(text) / 1000 * size) / 2, y, text);
    }


    static BufferedImage qr(String url) {
        try {
            BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 300, 300,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < m.getWidth(); x++) {
                for (int y = 0; y < m.getHeight(); y++) {
                    img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
