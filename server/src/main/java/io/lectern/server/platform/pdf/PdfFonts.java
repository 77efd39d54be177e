package io.lectern.server.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts Lectern's PDFs (receipts, certificates) embed: DejaVu Sans regular and bold, shipped with the server
 * (their licence is in {@code fonts/DejaVu-LICENSE.txt}), so every glyph of a learner's name renders the same
 * everywhere and bold is really bold.
 *
 * @param regular body text
 * @param bold    headings
 */
public record PdfFonts(PDFont regular, PDFont bold) {

    /** Loads both fonts into {@code document} (subset-embedded when it is saved). */
    public static PdfFonts load(PDDocument document) {
        return new PdfFonts(font(document, "/fonts/DejaVuSans.ttf"), font(document, "/fonts/DejaVuSans-Bold.ttf"));
    }

    /**
     * The serif faces certificates use: DejaVu Serif regular, bold and italic.
     *
     * @param regular body
     * @param bold    the learner's name
     * @param italic  the wording
     */
    public record Serif(PDFont regular, PDFont bold, PDFont italic) {
    }

    public static Serif serif(PDDocument document) {
        return new Serif(font(document, "/fonts/DejaVuSerif.ttf"), font(document, "/fonts/DejaVuSerif-Bold.ttf"),
                font(document, "/fonts/DejaVuSerif-Italic.ttf"));
    }

    /** One line of text at a baseline point, in a font, size and colour. */
    public static void text(org.apache.pdfbox.pdmodel.PDPageContentStream s, PDFont font, float size,
                            java.awt.Color colour, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.setNonStrokingColor(colour);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static PDFont font(PDDocument document, String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the server");
            }
            return PDType0Font.load(document, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
