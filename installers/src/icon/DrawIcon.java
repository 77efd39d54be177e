import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Lectern's application icon (an open book on a lectern) and writes it in the three forms jpackage wants:
 * {@code lectern.png} (Linux), {@code lectern.ico} (Windows) and {@code lectern.icns} (macOS), the last two holding
 * PNG images. The files are committed; run this again only to change the icon:
 * {@code java -Djava.awt.headless=true installers/src/icon/DrawIcon.java installers/src/icon}
 */
public final class DrawIcon {

    private DrawIcon() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        byte[] png256 = png(draw(256));
        Files.write(dir.resolve("lectern.png"), png256);
        Files.write(dir.resolve("lectern.ico"), ico(png256));
        Files.write(dir.resolve("lectern.icns"), icns(png256, png(draw(512))));
    }

    /** The icon at size x size pixels, drawn on a 256-unit grid. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        // background: a rounded square, indigo to blue
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B2F9E), 256, 256, new Color(0x1E88E5)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // the lectern: a slanted desk on a column and a foot
        g.setColor(new Color(0xFFC857));
        Path2D desk = new Path2D.Double();
        desk.moveTo(52, 150);
        desk.lineTo(204, 150);
        desk.lineTo(188, 170);
        desk.lineTo(68, 170);
        desk.closePath();
        g.fill(desk);
        g.fill(new RoundRectangle2D.Double(118, 168, 20, 44, 6, 6));
        g.fill(new RoundRectangle2D.Double(84, 204, 88, 16, 8, 8));

        // the open book on the desk: two pages meeting at the spine
        g.setColor(Color.WHITE);
        Path2D left = new Path2D.Double();
        left.moveTo(128, 146);
        left.curveTo(108, 132, 82, 128, 58, 134);
        left.lineTo(62, 62);
        left.curveTo(86, 56, 110, 60, 128, 74);
        left.closePath();
        Path2D right = new Path2D.Double();
        right.moveTo(128, 146);
        right.curveTo(148, 132, 174, 128, 198, 134);
        right.lineTo(194, 62);
        right.curveTo(170, 56, 146, 60, 128, 74);
        right.closePath();
        g.fill(left);
        g.fill(right);

        // lines of text on the pages
        g.setColor(new Color(0x3B2F9E));
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 4; i++) {
            int y = 82 + i * 14;
            g.drawLine(74, y + 2 - i, 116, y + 6);
            g.drawLine(140, y + 6, 182, y + 2 - i);
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A Windows icon with one 256x256 PNG entry (understood since Windows Vista). */
    static byte[] ico(byte[] png) {
        ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        b.put((byte) 0).put((byte) 0); // 0 = 256 pixels wide and high
        b.put((byte) 0).put((byte) 0); // no palette, reserved
        b.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
        b.putInt(png.length).putInt(6 + 16); // size and offset of the PNG
        b.put(png);
        return b.array();
    }

    /** A macOS icon family with PNG entries: ic08 (256x256) and ic09 (512x512). */
    static byte[] icns(byte[] png256, byte[] png512) {
        int total = 8 + 8 + png256.length + 8 + png512.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        b.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        b.put("ic08".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png256.length).put(png256);
        b.put("ic09".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png512.length).put(png512);
        return b.array();
    }
}
