package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.desktop.core.video.HlsVariants;
import io.lectern.desktop.core.video.ThumbnailTrack;
import io.lectern.model.media.Playback;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a learner can choose about a streamed video: quality (Auto follows the bandwidth; a rendition stays fixed),
 * subtitles by language (the one in the learner's language is on by default), and the preview picture for a
 * moment of the seek bar.
 */
public final class VideoChoices {

    /** "Auto" and "Off" in the learner's language, fixed when the video opens (the language is chosen by then). */
    private final String auto = tr("video.quality.auto");
    private final String off = tr("video.subtitles.off");

    /** What a choice does to the player. */
    interface Player {
        void play(String url, double atSeconds);

        void subtitles(String url);

        void subtitlesOff();

        double position();
    }

    private final ObservableList<String> qualities = FXCollections.observableArrayList(auto);
    private final ObservableList<String> languages = FXCollections.observableArrayList(off);
    private final StringProperty quality = new SimpleStringProperty(auto);
    private final StringProperty subtitle = new SimpleStringProperty(off);
    private Playback playback;
    private List<HlsVariants.Variant> variants = List.of();
    private ThumbnailTrack thumbnails;
    private Player player;

    public ObservableList<String> qualities() {
        return qualities;
    }

    public ObservableList<String> languages() {
        return languages;
    }

    /** The quality playing. */
    public StringProperty quality() {
        return quality;
    }

    /** The subtitle language shown, or Off. */
    public StringProperty subtitle() {
        return subtitle;
    }

    /**
     * Reads the renditions and the thumbnail track of a streamed video (on a background thread), then offers them
     * and turns on the subtitles in the learner's language.
     */
    void load(Playback p, PlaybackClient client, Player target, Executor ui) {
        List<HlsVariants.Variant> found = List.of();
        ThumbnailTrack track = null;
        try {
            if (p.hlsUrl() != null) {
                found = HlsVariants.parse(client.text(p.hlsUrl()), URI.create(p.hlsUrl()));
            }
            if (p.spriteUrl() != null) {
                track = ThumbnailTrack.parse(client.text(p.spriteUrl()), URI.create(p.spriteUrl()));
            }
        } catch (ApiError | ServerUnreachableException e) {
            // no quality menu or previews; the video itself plays
        }
        List<HlsVariants.Variant> variantList = found;
        ThumbnailTrack thumbs = track;
        ui.execute(() -> {
            playback = p;
            player = target;
            variants = variantList;
            thumbnails = thumbs;
            List<String> q = new ArrayList<>(List.of(auto));
            variantList.forEach(v -> q.add(v.label()));
            qualities.setAll(q);
            List<String> l = new ArrayList<>(List.of(off));
            p.subtitles().forEach(s -> l.add(s.language()));
            languages.setAll(l);
            String mine = Locale.getDefault().getLanguage();
            p.subtitles().stream().filter(s -> s.language().toLowerCase(Locale.ROOT).startsWith(mine)).findFirst()
                    .ifPresent(s -> chooseSubtitle(s.language()));
        });
    }

    /** Plays another quality from the same moment. */
    public void chooseQuality(String label) {
        if (playback == null || label == null || label.equals(quality.get())) {
            return;
        }
        String url = auto.equals(label) ? playback.hlsUrl() : variants.stream().filter(v -> v.label().equals(label))
                .findFirst().map(v -> v.url().toString()).orElse(null);
        if (url != null) {
            quality.set(label);
            player.play(url, player.position());
        }
    }

    public void chooseSubtitle(String language) {
        if (playback == null || language == null) {
            return;
        }
        subtitle.set(language);
        if (off.equals(language)) {
            player.subtitlesOff();
            return;
        }
        playback.subtitles().stream().filter(s -> s.language().equals(language)).findFirst()
                .ifPresent(s -> player.subtitles(s.url()));
    }

    /** The preview picture for {@code seconds}, when the video has a thumbnail track. */
    public Optional<ThumbnailTrack.Thumbnail> thumbnailAt(double seconds) {
        return thumbnails == null ? Optional.empty() : thumbnails.at(seconds);
    }
}
