import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The smoke test's eyes: takes a screenshot of the X display in {@code DISPLAY}, writes it as a PNG and checks that
 * the window at the given place shows Lectern's sign-in screen rather than a blank, black or half-drawn window.
 *
 * <p>{@code java ScreenCheck.java OUT.png X Y WIDTH HEIGHT} exits with 0 when the window passes, 1 with the reasons
 * otherwise. What the sign-in screen looks like (see desktop-client's SignInView): one card of at most 400 pixels,
 * centred on a plain background, holding a title, text fields and the selected "Password" toggle in the accent blue.
 * So the window must hold many colours; its left and right quarters must be one plain colour; its middle must hold
 * the card's detail; and some pixels must be the accent blue.
 */
public final class ScreenCheck {

    private ScreenCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java ScreenCheck.java OUT.png X Y WIDTH HEIGHT");
            System.exit(2);
        }
        BufferedImage screen = new Robot().createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
        ImageIO.write(screen, "png", new File(args[0]));
        Rectangle window = new Rectangle(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4])).intersection(new Rectangle(screen.getWidth(), screen.getHeight()));
        List<String> problems = check(screen, window);
        if (problems.isEmpty()) {
            System.exit(0);
        }
        problems.forEach(p -> System.out.println("  - " + p));
        System.exit(1);
    }

    static List<String> check(BufferedImage screen, Rectangle w) {
        List<String> problems = new ArrayList<>();
        if (w.width < 400 || w.height < 300) {
            problems.add("the window is only " + w.width + "x" + w.height + " pixels on the screen");
            return problems;
        }
        Set<Integer> all = new HashSet<>();
        Set<Integer> middle = new HashSet<>();
        int background = screen.getRGB(w.x + 5, w.y + w.height / 2) & 0xFFFFFF;
        long sides = 0;
        long plainSides = 0;
        long accent = 0;
        for (int y = w.y; y < w.y + w.height; y++) {
            for (int x = w.x; x < w.x + w.width; x++) {
                int rgb = screen.getRGB(x, y) & 0xFFFFFF;
                all.add(rgb);
                int column = x - w.x;
                if (column < w.width / 4 || column >= w.width * 3 / 4) {
                    sides++;
                    if (rgb == background) {
                        plainSides++;
                    }
                } else {
                    middle.add(rgb);
                }
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (b >= 150 && b - r >= 100 && b - g >= 40) {
                    accent++;
                }
            }
        }
        double plain = 100.0 * plainSides / sides;
        System.out.printf("  window %dx%d at %d,%d: %d colours (%d in the middle half), background #%06x, sides %.1f%%"
                        + " plain, %d accent-blue pixels%n", w.width, w.height, w.x, w.y, all.size(), middle.size(),
                background, plain, accent);
        if (all.size() < 16) {
            problems.add("the window is (nearly) blank: " + all.size() + " colours");
        }
        if (plain < 98) {
            problems.add(String.format("the window's sides are not plain (%.1f%% background colour): not the centred"
                    + " sign-in card", plain));
        }
        if (middle.size() < 16) {
            problems.add("the middle of the window holds no card (" + middle.size() + " colours)");
        }
        if (accent < 500) {
            problems.add("no accent-blue control (" + accent + " pixels): the sign-in form is not drawn");
        }
        return problems;
    }
}
