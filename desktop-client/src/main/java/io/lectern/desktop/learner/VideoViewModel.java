package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.downloads.SealedFiles;
import io.lectern.desktop.core.i18n.DateText;
import io.lectern.desktop.core.learning.NotesBook;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.desktop.core.learning.WatchTracker;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.desktop.core.video.FrameSink;
import io.lectern.desktop.core.video.VideoPlayer;
import io.lectern.model.learning.Note;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.media.Playback;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A video lesson playing: signed URL from the server, play/pause, seek, speed, volume, the position and length,
 * errors in words, and heartbeats of the seconds really watched queued through the sync engine every ten seconds
 * (so they count offline too). An expired link is fetched again once.
 */
public final class VideoViewModel implements VideoPlayer.Listener {

    /** A lesson's downloaded video, if it was downloaded. */
    public interface DownloadedMedia {
        java.util.Optional<SealedFiles.Reader> open(UUID lessonId) throws java.io.IOException;
    }

    static final float[] SPEEDS = {0.5f, 0.75f, 1f, 1.25f, 1.5f, 2f};

    private final PlaybackClient playback;
    private final DownloadedMedia downloaded;
    private final SyncEngine sync;
    private final Executor background;
    private final Executor ui;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty position = new SimpleDoubleProperty(0);
    private final DoubleProperty length = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    volatile VideoPlayer player;
    private final javafx.collections.ObservableList<Note> notes = javafx.collections.FXCollections
            .observableArrayList();
    private NotesBook book;
    private final VideoChoices choices = new VideoChoices();
    private final StringProperty noteMessage = new SimpleStringProperty("");
    private UUID lesson;
    private WatchTracker tracker;
    private volatile UUID streaming;
    private volatile FrameSink surface;
    private volatile boolean quiet;
    private final StreamRecovery recovery = new StreamRecovery(this::restartAt, this::say);
    private long lastBeat;

    public VideoViewModel(PlaybackClient playback, SyncEngine sync, Executor background, Executor ui) {
        this(playback, sync, lesson -> java.util.Optional.empty(), background, ui);
    }

    /** With downloads: a downloaded lesson plays from its sealed file, online or not. */
    public VideoViewModel(PlaybackClient playback, SyncEngine sync, DownloadedMedia downloaded, Executor background,
                          Executor ui) {
        this.downloaded = downloaded;
        this.playback = playback;
        this.sync = sync;
        this.background = background;
        this.ui = ui;
    }

    /** Notes and bookmarks on this video's timeline, kept offline first. */
    public VideoViewModel withNotes(NotesBook notesBook) {
        this.book = notesBook;
        return this;
    }

    /** Quality, subtitles and seek-bar previews. */
    public VideoChoices choices() {
        return choices;
    }

    /** The player as the quality and subtitle choices drive it. */
    private final class ChoicePlayer implements VideoChoices.Player {
        @Override
        public void play(String url, double atSeconds) {
            if (player != null) {
                tracker.stopped();
                player.play(url, (long) (atSeconds * 1000));
                player.rate((float) speed.get());
            }
        }

        @Override
        public void subtitles(String url) {
            if (player != null) {
                player.subtitles(url);
            }
        }

        @Override
        public void subtitlesOff() {
            if (player != null) {
                player.subtitlesOff();
            }
        }

        @Override
        public double position() {
            return position.get();
        }
    }

    /** What became of the last note or bookmark. */
    public StringProperty noteMessage() {
        return noteMessage;
    }

    /** The lesson's notes and bookmarks in timeline order. */
    public javafx.collections.ObservableList<Note> notes() {
        return notes;
    }

    /** Bookmarks the current moment (B). */
    public void bookmark() {
        if (book != null && lesson != null) {
            book.bookmark(lesson, position.get());
            refreshNotes();
            noteMessage.set(tr("video.bookmarked", clock(position.get())));
        }
    }

    /** Adds a note at the current moment; true when it was kept. */
    public boolean addNote(String text) {
        if (book == null || lesson == null) {
            return false;
        }
        try {
            book.note(lesson, position.get(), text);
        } catch (IllegalArgumentException e) {
            noteMessage.set(e.getMessage());
            return false;
        }
        refreshNotes();
        noteMessage.set(tr("video.noteKept", clock(position.get())));
        return true;
    }

    public void removeNote(Note n) {
        if (book != null) {
            book.delete(n);
            refreshNotes();
        }
    }

    /** Jumps to a note's moment. */
    public void jumpTo(Note n) {
        if (player != null && n.positionSec() != null) {
            tracker.stopped();
            player.seek((long) (n.positionSec() * 1000));
        }
    }

    private void refreshNotes() {
        if (book != null && lesson != null) {
            notes.setAll(book.of(lesson));
        }
    }

    public BooleanProperty playing() {
        return playing;
    }

    /** Seconds. */
    public DoubleProperty position() {
        return position;
    }

    /** Seconds. */
    public DoubleProperty length() {
        return length;
    }

    public StringProperty message() {
        return message;
    }

    public DoubleProperty speed() {
        return speed;
    }

    /** Starts a video lesson's media from {@code resumeAt} seconds, drawing into {@code sink}. */
    public void open(UUID lessonId, UUID mediaId, double resumeAt, FrameSink sink, boolean quietAudio) {
        lesson = lessonId;
        refreshNotes();
        if (!VideoPlayer.available()) {
            message.set(tr("video.noVlc"));
            return;
        }
        tracker = new WatchTracker(lessonId, Clock.systemUTC());
        message.set(tr("video.loading"));
        background.execute(() -> {
            try {
                var local = downloaded.open(lessonId);
                if (local.isPresent()) {
                    player = VideoPlayer.create(sink, this, quietAudio);
                    player.play(local.get(), (long) (resumeAt * 1000));
                    return;
                }
                Playback p = playback.playback(mediaId);
                player = ForwardingListener.create(this, sink, quietAudio);
                streaming = mediaId;
                surface = sink;
                quiet = quietAudio;
                recovery.started();
                player.play(p.hlsUrl() != null ? p.hlsUrl() : p.mp4Url(), (long) (resumeAt * 1000));
                choices.load(p, playback, new ChoicePlayer(), ui);
            } catch (ApiError | SessionEndedException e) {
                ui.execute(() -> message.set(e.getMessage()));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> message.set(tr("video.offlineMissing")));
            } catch (RuntimeException | java.io.IOException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    public void togglePlay() {
        if (player == null) {
            return;
        }
        if (player.isPlaying()) {
            player.pause();
        } else {
            player.resume();
        }
    }

    /** Jumps by {@code seconds} (negative: back), as ←/→ and J/L do. */
    public void seekBy(double seconds) {
        if (player != null) {
            tracker.stopped();
            player.seek((long) ((position.get() + seconds) * 1000));
        }
    }

    /** Jumps to a share of the video (the slider). */
    public void seekTo(double fraction) {
        if (player != null && length.get() > 0) {
            tracker.stopped();
            player.seek((long) (fraction * length.get() * 1000));
        }
    }

    /** One step faster (or slower) through 0.5×–2×. */
    public void changeSpeed(int steps) {
        int i = 0;
        while (i < SPEEDS.length - 1 && SPEEDS[i] < speed.get()) {
            i++;
        }
        int next = Math.max(0, Math.min(SPEEDS.length - 1, i + steps));
        speed.set(SPEEDS[next]);
        if (player != null) {
            player.rate(SPEEDS[next]);
        }
    }

    public void volume(int percent) {
        if (player != null) {
            player.volume(percent);
        }
    }

    public void mute(boolean mute) {
        if (player != null) {
            player.mute(mute);
        }
    }

    /** Stops, and queues what was watched. */
    public void close() {
        streaming = null;
        recovery.stop();
        beat();
        VideoPlayer closing = player;
        player = null;
        if (closing != null) {
            // LibVLC's stop waits for its own threads; never on the UI thread, which must stay responsive
            Thread.ofVirtual().name("video-close").start(closing::close);
        }
    }

    private void beat() {
        if (tracker == null) {
            return;
        }
        SyncEvent e = tracker.heartbeat(position.get());
        if (e != null) {
            sync.record(e);
        }
    }

    @Override
    public void onPlaying() {
        recovery.playing();
        ui.execute(() -> {
            playing.set(true);
            message.set("");
        });
    }

    @Override
    public void onPaused() {
        recovery.paused();
        tracker.stopped();
        ui.execute(() -> playing.set(false));
    }

    @Override
    public void onFinished() {
        tracker.stopped();
        beat();
        if (recovery.endedEarly()) {
            return;
        }
        ui.execute(() -> {
            playing.set(false);
            message.set(tr("video.finished"));
        });
    }

    @Override
    public void onError(String text) {
        recovery.failed(text);
    }

    private void say(String text) {
        ui.execute(() -> message.set(text));
    }

    /** Fresh signed links for the streamed video, played from {@code seconds}. */
    private void restartAt(double seconds) {
        UUID media = streaming;
        background.execute(() -> {
            try {
                Playback p = playback.playback(media);
                VideoPlayer stalled = player;
                if (stalled == null) {
                    return;
                }
                // a fresh player: a stalled LibVLC stream can block its player's stop for a long time
                VideoPlayer fresh = ForwardingListener.create(this, surface, quiet);
                fresh.play(p.hlsUrl() != null ? p.hlsUrl() : p.mp4Url(), (long) (seconds * 1000));
                fresh.rate((float) speed.get());
                player = fresh;
                Thread.ofVirtual().start(stalled::close);
            } catch (ApiError | SessionEndedException | ServerUnreachableException | RuntimeException e) {
                ui.execute(() -> message.set(tr("video.reloadFailed", e.getMessage())));
            }
        });
    }

    @Override
    public void onTime(long millis, long total) {
        recovery.time(millis / 1000.0, total / 1000.0);
        tracker.playedTo(millis / 1000.0);
        if (millis - lastBeat >= 10_000 || millis < lastBeat) {
            lastBeat = millis;
            beat();
        }
        ui.execute(() -> {
            position.set(millis / 1000.0);
            length.set(total / 1000.0);
        });
    }

    /** A position as a clock ("4:05", "1:02:03"). */
    static String clock(double seconds) {
        return DateText.clock((long) seconds);
    }
}
