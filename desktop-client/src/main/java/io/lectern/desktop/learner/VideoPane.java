package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.video.FrameSink;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The video player inside the window: frames from LibVLC drawn into a {@link PixelBuffer}, play/pause, a seek
 * slider, time, speed 0.5×–2×, volume, mute, full screen, and the keyboard: space/K, ←/→ (5 s), J/L (10 s),
 * F (full screen), M (mute), +/− (speed), B (bookmark); notes and bookmarks marked on the timeline.
 */
public final class VideoPane implements FrameSink {

    private final VideoViewModel model;
    private final ImageView view = new ImageView();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile PixelBuffer<ByteBuffer> buffer;
    private volatile ByteBuffer pixels;
    private ToggleButton mute;

    public VideoPane(VideoViewModel model) {
        this.model = model;
    }

    @Override
    public void format(int width, int height) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(width * height * 4);
        PixelBuffer<ByteBuffer> pb = new PixelBuffer<>(width, height, bytes, PixelFormat.getByteBgraPreInstance());
        pixels = bytes;
        buffer = pb;
        Platform.runLater(() -> view.setImage(new WritableImage(pb)));
    }

    @Override
    public void frame(ByteBuffer bgra, int width, int height) {
        ByteBuffer target = pixels;
        if (target == null || target.capacity() < width * height * 4) {
            return;
        }
        synchronized (target) {
            ByteBuffer src = bgra.duplicate();
            src.clear().limit(Math.min(src.capacity(), target.capacity()));
            target.clear();
            target.put(src);
            target.clear();
        }
        if (pending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                pending.set(false);
                PixelBuffer<ByteBuffer> pb = buffer;
                if (pb != null) {
                    pb.updateBuffer(b -> null);
                }
            });
        }
    }

    public Parent createView() {
        view.setPreserveRatio(true);
        StackPane screen = new StackPane(view);
        screen.setStyle("-fx-background-color: black;");
        screen.setMinHeight(240);
        view.fitWidthProperty().bind(screen.widthProperty());
        view.fitHeightProperty().bind(screen.heightProperty());
        Label message = new Label();
        message.setId("video-message");
        message.setStyle("-fx-text-fill: white;");
        message.textProperty().bind(model.message());
        screen.getChildren().add(message);
        VBox.setVgrow(screen, Priority.ALWAYS);

        VBox root = new VBox(screen, controls(screen), new VideoNotes(model).createView());
        VBox.setVgrow(root, Priority.ALWAYS);
        root.setFocusTraversable(true);
        keyboard(root, screen);
        return root;
    }

    private HBox controls(StackPane screen) {
        Button play = new Button();
        play.setId("video-play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(model.playing()).then(tr("video.pause"))
                .otherwise(tr("video.play")));
        play.setOnAction(e -> model.togglePlay());
        Slider seek = new Slider(0, 1, 0);
        seek.setId("video-seek");
        StackPane timeline = VideoNotes.withMarkers(seek, model);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        model.position().addListener((obs, old, p) -> {
            if (!seek.isValueChanging() && model.length().get() > 0) {
                seek.setValue(p.doubleValue() / model.length().get());
            }
        });
        seek.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.seekTo(seek.getValue());
            }
        });
        Label time = new Label();
        time.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> VideoViewModel.clock(model.position().get())
                + " / " + VideoViewModel.clock(model.length().get()), model.position(), model.length()));
        ChoiceBox<Float> speed = speedChoice();
        Slider volume = new Slider(0, 100, 80);
        volume.setPrefWidth(70);
        volume.valueProperty().addListener((obs, old, v) -> model.volume(v.intValue()));
        ToggleButton mute = new ToggleButton(tr("video.mute"));
        mute.selectedProperty().addListener((obs, old, m) -> model.mute(m));
        Button full = new Button(tr("video.fullScreen"));
        full.getStyleClass().add(Styles.FLAT);
        full.setOnAction(e -> toggleFullScreen(screen));
        this.mute = mute;
        ChoiceBox<String> quality = new ChoiceBox<>(model.choices().qualities());
        quality.setId("video-quality");
        quality.setPrefWidth(80);
        quality.setTooltip(new javafx.scene.control.Tooltip(tr("video.quality")));
        quality.valueProperty().bindBidirectional(model.choices().quality());
        quality.setOnAction(e -> model.choices().chooseQuality(quality.getValue()));
        ChoiceBox<String> subtitles = new ChoiceBox<>(model.choices().languages());
        subtitles.setId("video-subtitles");
        subtitles.setPrefWidth(70);
        subtitles.setTooltip(new javafx.scene.control.Tooltip(tr("video.subtitles")));
        subtitles.valueProperty().bindBidirectional(model.choices().subtitle());
        subtitles.setOnAction(e -> model.choices().chooseSubtitle(subtitles.getValue()));
        SeekPreview.install(seek, model);
        HBox controls = new HBox(8, play, timeline, time, speed, quality, new Label(tr("video.cc")), subtitles, mute, volume,
                full);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(6, 0, 0, 0));
        return controls;
    }

    private void keyboard(VBox root, StackPane screen) {
        root.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case SPACE, K -> model.togglePlay();
                case LEFT -> model.seekBy(-5);
                case RIGHT -> model.seekBy(5);
                case J -> model.seekBy(-10);
                case L -> model.seekBy(10);
                case F -> toggleFullScreen(screen);
                case M -> mute.setSelected(!mute.isSelected());
                case PLUS, ADD, EQUALS -> model.changeSpeed(1);
                case MINUS, SUBTRACT -> model.changeSpeed(-1);
                case B -> model.bookmark();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private ChoiceBox<Float> speedChoice() {
        ChoiceBox<Float> speed = new ChoiceBox<>();
        for (float s : VideoViewModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setValue(1f);
        speed.setPrefWidth(70);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Float f) {
                return f == null ? "" : tr("video.speed", f.doubleValue());
            }

            @Override
            public Float fromString(String s) {
                for (float f : VideoViewModel.SPEEDS) {
                    if (toString(f).equals(s)) {
                        return f;
                    }
                }
                return 1f;
            }
        });
        speed.valueProperty().addListener((obs, old, v) -> model.changeSpeed(steps(old, v)));
        model.speed().addListener((obs, old, v) -> speed.setValue(v.floatValue()));
        return speed;
    }


    private static int steps(Float from, Float to) {
        if (from == null || to == null) {
            return 0;
        }
        int a = index(from);
        int b = index(to);
        return b - a;
    }

    private static int index(float speed) {
        for (int i = 0; i < VideoViewModel.SPEEDS.length; i++) {
            if (VideoViewModel.SPEEDS[i] == speed) {
                return i;
            }
        }
        return 2;
    }

    private static void toggleFullScreen(javafx.scene.Node node) {
        if (node.getScene() != null && node.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }
}
