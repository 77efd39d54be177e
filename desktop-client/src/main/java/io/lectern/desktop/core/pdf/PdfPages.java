package io.lectern.desktop.core.pdf;

import static io.lectern.desktop.core.i18n.Messages.tr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF lesson rendered one page at a time with PDFBox, from bytes in memory (the file may be a sealed download). */
public final class PdfPages implements AutoCloseable {

    /**
     * One rendered page as ARGB pixels (the view turns them into an image).
     *
     * @param index  page index from 0
     * @param width  pixels
     * @param height pixels
     * @param argb   pixels, row by row
     */
    public record Page(int index, int width, int height, int[] argb) {
    }

    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfPages(PDDocument document) {
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    public static PdfPages open(byte[] pdf) throws IOException {
        try {
            return new PdfPages(Loader.loadPDF(pdf));
        } catch (IOException e) {
            throw new IOException(tr("pdf.damaged"), e);
        }
    }

    public int pageCount() {
        return document.getNumberOfPages();
    }

    /** Renders page {@code index} at {@code zoom} (1 = 96 dpi, as on screen). */
    public synchronized Page render(int index, double zoom) throws IOException {
        BufferedImage image = renderer.renderImage(index, (float) (zoom * 96 / 72), ImageType.RGB);
        int w = image.getWidth();
        int h = image.getHeight();
        return new Page(index, w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    @Override
    public synchronized void close() throws IOException {
        document.close();
    }
}
