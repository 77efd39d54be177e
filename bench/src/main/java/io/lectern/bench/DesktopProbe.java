package io.lectern.bench;

import io.lectern.desktop.LecternApp;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

/**
 * The desktop app as a learner starts it, measured from inside its own JVM (started by {@link DesktopBench}): time
 * from JVM start to a catalog showing courses; frame times while scrolling the catalog down to its 1,000th course
 * (pages loading as it goes); the process's resident memory while a video plays. Prints {@code probe key=value}
 * lines. With {@code baseline} it measures a bare JavaFX window instead: the toolkit's own start-up cost.
 */
public final class DesktopProbe {

    private DesktopProbe() {
    }

    /** The app being measured (a nested class: a main class extending Application needs JavaFX as modules). */
    public static final class App extends Application {

        private final List<Long> frames = new ArrayList<>();
        private Scene scene;
        private long phaseStart;
        private int row;
        private long maxRss;
        private long maxHeap;
        private int phase;
        private long rssBeforeVideo;

        @Override
        public void start(Stage stage) {
            new LecternApp().start(stage);
            scene = stage.getScene();
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && phaseStart != 0) {
                        frames.add(now - last);
                    }
                    last = now;
                    step();
                }
            }.start();
        }

        /** One step per frame: wait for the catalog, scroll it, open the video, watch memory, finish. */
        private void step() {
            switch (phase) {
                case 0 -> waitForCatalog();
                case 1 -> scroll();
                case 2 -> openVideo();
                case 3 -> watch();
                default -> { }
            }
        }

        private ListView<?> catalog() {
            Node n = scene.getRoot().lookup("#catalog-results");
            return n instanceof ListView<?> l ? l : null;
        }

        private void waitForCatalog() {
            ListView<?> list = catalog();
            if (list != null && !list.getItems().isEmpty()) {
                System.out.println("probe cold-start-ms=" + (System.currentTimeMillis() - JVM_START));
                phase = 1;
                phaseStart = System.nanoTime();
            }
        }

        /** Moves down three rows a frame, as a held arrow key would; new pages load near the end. */
        private void scroll() {
            ListView<?> list = catalog();
            if (row < list.getItems().size() - 1) {
                row = Math.min(list.getItems().size() - 1, row + 3);
                list.getSelectionModel().select(row);
                list.scrollTo(row);
            }
            boolean done = row >= COURSES - 1;
            boolean stuck = System.nanoTime() - phaseStart > 120_000_000_000L;
            if (done || stuck) {
                report(list.getItems().size(), (System.nanoTime() - phaseStart) / 1_000_000);
                frames.clear();
                phase = 2;
                phaseStart = 0;
            }
        }

        private void report(int items, long millis) {
            List<Long> sorted = frames.stream().sorted().toList();
            long slow = frames.stream().filter(f -> f > 33_000_000L).count();
            System.out.printf(Locale.ROOT, "probe scroll-items=%d scroll-ms=%d frames=%d frame-p50-ms=%.1f "
                    + "frame-p99-ms=%.1f frames-over-33ms-pct=%.1f%n", items, millis, frames.size(),
                    percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, 100.0 * slow / Math.max(1, frames.size()));
        }

        private void openVideo() {
            if (rssBeforeVideo == 0) {
                System.gc();
                rssBeforeVideo = rssBytes();
            }
            Node nav = scene.getRoot().lookup("#nav-learning");
            if (nav instanceof ToggleButton b && scene.getRoot().lookup("#learning-courses") == null) {
                b.fire();
                return;
            }
            scene.getRoot().lookupAll(".button").stream().filter(n -> n instanceof Button b && "Resume".equals(b.getText())
                    && b.isVisible()).findFirst().ifPresent(n -> {
                        ((Button) n).fire();
                        phase = 3;
                        phaseStart = System.nanoTime();
                    });
        }

        private void watch() {
            boolean playing = scene.getRoot().lookupAll(".image-view").stream()
                    .anyMatch(n -> n instanceof ImageView v && v.getImage() != null && v.getImage().getWidth() >= 320);
            long elapsed = System.nanoTime() - phaseStart;
            if (playing) {
                maxRss = Math.max(maxRss, rssBytes());
                maxHeap = Math.max(maxHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            if (elapsed > (PLAY_SECONDS + 15) * 1_000_000_000L) {
                System.out.printf(Locale.ROOT, "probe video-playing=%b max-rss-mb=%d max-heap-mb=%d "
                        + "rss-before-video-mb=%d%n", maxRss > 0, maxRss >> 20, maxHeap >> 20, rssBeforeVideo >> 20);
                phase = 4;
                if (Boolean.getBoolean("probe.maps")) {
                    maps();
                }
                Platform.exit();
                System.exit(0);
            }
        }

        private static double percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
        }

        /** Where the resident memory is, by mapping (with -Dprobe.maps=true): the largest twenty. */
        private static void maps() {
            try {
                java.util.Map<String, Long> by = new java.util.HashMap<>();
                String current = "?";
                for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                    if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                        String[] f = line.trim().split("\\s+");
                        current = f.length >= 6 ? f[5] : "[anon]";
                    } else if (line.startsWith("Rss:")) {
                        by.merge(current, Long.parseLong(line.replaceAll("\\D", "")), Long::sum);
                    }
                }
                by.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                        .forEach(e -> System.out.println("maps " + e.getValue() / 1024 + " MB " + e.getKey()));
            } catch (java.io.IOException e) {
                System.out.println("maps unavailable: " + e.getMessage());
            }
        }

        /** Resident memory of this process (Linux). */
        static long rssBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (java.io.IOException | NumberFormatException ignored) {
                // not Linux
            }
            return 0;
        }
    }

    static final long JVM_START = ManagementFactory.getRuntimeMXBean().getStartTime();
    static final int COURSES = Integer.getInteger("probe.courses", 1000);
    static final int PLAY_SECONDS = Integer.getInteger("probe.playSeconds", 20);

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("baseline")) {
            Application.launch(Baseline.class);
        } else {
            Application.launch(App.class);
        }
    }

    /** A bare window: what JavaFX itself costs to show something. */
    public static final class Baseline extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Hello"), 1100, 720));
            stage.show();
            Platform.runLater(() -> {
                System.out.println("probe baseline-start-ms=" + (System.currentTimeMillis() - JVM_START));
                Platform.exit();
            });
        }
    }
}
