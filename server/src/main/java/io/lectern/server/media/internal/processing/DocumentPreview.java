package io.lectern.server.media.internal.processing;

import io.lectern.server.media.internal.MediaStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** PDFs: page count and a first-page thumbnail (PDFBox); images: their size. */
final class DocumentPreview {

    private static final int THUMB_WIDTH = 320;

    private DocumentPreview() {
    }

    static MediaStore.Outcome render(Path pdf, Path out) throws IOException, MediaProcessor.Unprocessable {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new MediaProcessor.Unprocessable("This PDF has no pages.");
            }
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            int h = Math.max(1, page.getHeight() * THUMB_WIDTH / page.getWidth());
            BufferedImage thumb = new BufferedImage(THUMB_WIDTH, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = thumb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(page, 0, 0, THUMB_WIDTH, h, null);
            g.dispose();
            Files.createDirectories(out);
            ImageIO.write(thumb, "png", out.resolve("thumbnail.png").toFile());
            return new MediaStore.Outcome(null, null, null, pages, List.of("thumbnail"));
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new MediaProcessor.Unprocessable("This PDF is password-protected; upload it without a password.");
        } catch (IOException e) {
            throw new MediaProcessor.Unprocessable("This PDF is damaged and cannot be opened.");
        }
    }

    static MediaStore.Outcome image(Path file) throws MediaProcessor.Unprocessable {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            return new MediaStore.Outcome(null, img == null ? null : img.getWidth(),
                    img == null ? null : img.getHeight(), null, List.of());
        } catch (IOException e) {
            throw new MediaProcessor.Unprocessable("This image is damaged and cannot be read.");
        }
    }
}
