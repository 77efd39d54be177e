package io.lectern.desktop.learner;

import io.lectern.desktop.core.video.ThumbnailTrack;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.util.Duration;

/** Hovering over the seek bar shows the picture at that moment (from the video's thumbnail sprite) and its time. */
final class SeekPreview {

    private SeekPreview() {
    }

    static void install(Slider seek, VideoViewModel model) {
        ImageView picture = new ImageView();
        Tooltip tip = new Tooltip();
        tip.setId("video-preview");
        tip.setShowDelay(Duration.ZERO);
        tip.setHideDelay(Duration.ZERO);
        tip.setGraphic(picture);
        tip.setContentDisplay(ContentDisplay.TOP);
        Map<String, Image> sprites = new HashMap<>();
        seek.setOnMouseMoved(e -> {
            double length = model.length().get();
            if (length <= 0 || seek.getWidth() <= 0) {
                return;
            }
            double at = Math.max(0, Math.min(1, e.getX() / seek.getWidth())) * length;
            tip.setText(VideoViewModel.clock(at));
            ThumbnailTrack.Thumbnail t = model.choices().thumbnailAt(at).orElse(null);
            if (t == null) {
                picture.setImage(null);
            } else {
                picture.setImage(sprites.computeIfAbsent(t.image().toString(), url -> new Image(url, true)));
                picture.setViewport(new Rectangle2D(t.x(), t.y(), t.width(), t.height()));
            }
        });
        Tooltip.install(seek, tip);
    }
}
