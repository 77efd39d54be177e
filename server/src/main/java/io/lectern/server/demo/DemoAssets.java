package io.lectern.server.demo;

import io.lectern.server.platform.pdf.PdfFonts;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The demo's files, made on the spot: a cover image per course, a handout PDF, subtitles in two languages and, when
 * ffmpeg is there, a short title video with a tone. Nothing is shipped as a binary.
 */
final class DemoAssets {

    static final int VIDEO_SECONDS = 12;

    private final Path work;
    private final String ffmpeg;
    private boolean ffmpegMissing;

    DemoAssets(Path work, String ffmpeg) {
        this.work = work;
        this.ffmpeg = ffmpeg;
    }

    /** A 1280×720 cover: the title on the category's colour. */
    static byte[] cover(String title, String subtitle, String colour) {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color base = Color.decode(colour);
        g.setPaint(new GradientPaint(0, 0, base, 1280, 720, base.darker().darker()));
        g.fillRect(0, 0, 1280, 720);
        g.setColor(new Color(255, 255, 255, 40));
        for (int i = 0; i < 6; i++) {
            g.fillOval(880 + i * 40, -200 + i * 90, 420, 420);
        }
        g.setColor(Color.WHITE);
        g.setFont(font(true, 84));
        int y = 300;
        for (String line : wrap(title, g.getFontMetrics(), 1100)) {
            g.drawString(line, 90, y);
            y += 100;
        }
        g.setFont(font(false, 40));
        g.setColor(new Color(255, 255, 255, 220));
        g.drawString(subtitle, 92, y + 20);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handout: the course's title, what it teaches and a page of exercises. */
    static byte[] handout(DemoCatalog.Course c, String instructor) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfFonts fonts = PdfFonts.load(doc);
            Color accent = Color.decode(DemoCatalog.COLOURS.get(c.category()));
            PDPage first = new PDPage(PDRectangle.A4);
            doc.addPage(first);
            try (PDPageContentStream s = new PDPageContentStream(doc, first)) {
                float top = PDRectangle.A4.getHeight() - 80;
                PdfFonts.text(s, fonts.bold(), 26, accent, 64, top, c.title());
                PdfFonts.text(s, fonts.regular(), 13, Color.DARK_GRAY, 64, top - 28, c.subtitle() + " · with " + instructor);
                PdfFonts.text(s, fonts.bold(), 14, Color.BLACK, 64, top - 80, "What you will learn");
                float y = top - 106;
                for (String p : c.points()) {
                    PdfFonts.text(s, fonts.regular(), 12, Color.BLACK, 76, y, "•  " + capitalised(p));
                    y -= 20;
                }
                PdfFonts.text(s, fonts.bold(), 14, Color.BLACK, 64, y - 30, "How to use this handout");
                paragraph(s, fonts.regular(), 12, 64, y - 54, "Read it beside the lessons, then try the exercises on "
                        + "the next page before the quiz.");
            }
            PDPage second = new PDPage(PDRectangle.A4);
            doc.addPage(second);
            try (PDPageContentStream s = new PDPageContentStream(doc, second)) {
                float top = PDRectangle.A4.getHeight() - 80;
                PdfFonts.text(s, fonts.bold(), 18, accent, 64, top, "Exercises");
                float y = top - 40;
                int n = 1;
                for (String p : c.points()) {
                    y = paragraph(s, fonts.regular(), 12, 64, y, n++ + ".  Explain " + p + " to a friend in three "
                            + "sentences.") - 6;
                }
                paragraph(s, fonts.regular(), 12, 64, y - 6, n + ".  " + c.project());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The welcome video's words, timed, in English or German. */
    static byte[] subtitles(DemoCatalog.Course c, String language) {
        boolean de = language.equals("de");
        String[] lines = de
                ? new String[] {"Willkommen bei „" + c.title() + "“.", "Hier lernst du " + c.points().get(0) + ".",
                    "Viel Freude beim Lernen!"}
                : new String[] {"Welcome to " + c.title() + ".", "You will learn " + c.points().get(0) + ".",
                    "Enjoy the course!"};
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < lines.length; i++) {
            vtt.append(String.format(Locale.ROOT, "00:00:%02d.000 --> 00:00:%02d.500%n%s%n%n", i * 4, i * 4 + 3,
                    lines[i]));
        }
        return vtt.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A {@value #VIDEO_SECONDS}-second 640×360 H.264/AAC video: the course's colour, its title written on it, a
     * running clock and a soft tone. Empty when ffmpeg cannot make it.
     */
    java.util.Optional<byte[]> video(DemoCatalog.Course c) {
        if (ffmpegMissing || ffmpeg == null || ffmpeg.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            Path font = fontFile();
            Path out = work.resolve(c.slug() + ".mp4");
            String colour = DemoCatalog.COLOURS.get(c.category()).replace("#", "0x");
            String title = c.title().replace("\\", "").replace("'", "’").replace(":", "\\:");
            String filter = "drawtext=fontfile=" + font + ":text='" + title + "':fontcolor=white:fontsize=46"
                    + ":x=(w-text_w)/2:y=(h-text_h)/2-30,drawtext=fontfile=" + font + ":text='%{pts\\:hms}'"
                    + ":fontcolor=white@0.8:fontsize=24:x=(w-text_w)/2:y=h/2+40";
            Process p = new ProcessBuilder(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "color=c=" + colour + ":size=640x360:rate=25:duration=" + VIDEO_SECONDS, "-f", "lavfi", "-i",
                    "sine=frequency=330:sample_rate=44100:duration=" + VIDEO_SECONDS, "-vf", filter, "-c:v", "libx264",
                    "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest",
                    "-movflags", "+faststart", out.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(out)) {
                p.destroyForcibly();
                java.util.logging.Logger.getLogger(DemoAssets.class.getName()).warning("The demo video for "
                        + c.slug() + " could not be made: " + log.lines().findFirst().orElse("ffmpeg failed"));
                return java.util.Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(out);
            Files.deleteIfExists(out);
            return java.util.Optional.of(bytes);
        } catch (IOException e) {
            ffmpegMissing = true;
            java.util.logging.Logger.getLogger(DemoAssets.class.getName()).warning("ffmpeg cannot run here ("
                    + e.getMessage() + "): the demo's welcome lessons are texts instead of videos.");
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private Path fontFile() throws IOException {
        Path font = work.resolve("DejaVuSans-Bold.ttf");
        if (!Files.exists(font)) {
            try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
                Files.copy(in, font, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return font;
    }

    private static Font font(boolean bold, int size) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(bold ? "/fonts/DejaVuSans-Bold.ttf"
                : "/fonts/DejaVuSans.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont((float) size);
        } catch (IOException | java.awt.FontFormatException e) {
            return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(next) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }


    /** Black text wrapped to the page's width; returns the baseline below its last line. */
    private static float paragraph(PDPageContentStream s, org.apache.pdfbox.pdmodel.font.PDFont font, float size,
                                   float x, float y, String text) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * x;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                PdfFonts.text(s, font, size, Color.BLACK, x, y, line.toString());
                y -= size * 1.5f;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        PdfFonts.text(s, font, size, Color.BLACK, x, y, line.toString());
        return y - size * 1.5f;
    }

    static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
