package io.lectern.desktop.core.video;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.downloads.SealedFiles;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * Plays a video URL with LibVLC 3 (vlcj), drawing frames into a {@link FrameSink} instead of a native window, so
 * the video lives inside the JavaFX scene (and works headless). Missing LibVLC is reported, never a hang.
 */
public final class VideoPlayer implements AutoCloseable {

    /** What happens while playing; called on LibVLC's threads. */
    public interface Listener {
        void onPlaying();

        void onPaused();

        void onFinished();

        void onError(String message);

        void onTime(long millis, long length);
    }

    private static final List<Path> LIBVLC = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libvlc.so.5"),
            Path.of("/usr/lib/aarch64-linux-gnu/libvlc.so.5"), Path.of("/usr/lib/libvlc.so.5"),
            Path.of("/usr/lib64/libvlc.so.5"), Path.of("/usr/local/lib/libvlc.so.5"));

    private final MediaPlayerFactory factory;
    private final EmbeddedMediaPlayer player;
    private SealedFiles.Reader sealed;
    private SealedMedia sealedMedia;

    private VideoPlayer(MediaPlayerFactory factory, FrameSink sink, Listener listener) {
        this.factory = factory;
        this.player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        player.videoSurface().set(factory.videoSurfaces().newVideoSurface(new Formats(sink), new Frames(sink), true));
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            @Override
            public void playing(MediaPlayer mp) {
                listener.onPlaying();
            }

            @Override
            public void paused(MediaPlayer mp) {
                listener.onPaused();
            }

            @Override
            public void finished(MediaPlayer mp) {
                listener.onFinished();
            }

            @Override
            public void error(MediaPlayer mp) {
                listener.onError(tr("video.cannotPlay"));
            }

            @Override
            public void timeChanged(MediaPlayer mp, long newTime) {
                listener.onTime(newTime, mp.status().length());
            }
        });
    }

    /**
     * Whether LibVLC can be used here: its library exists and vlcj finds it. Checked by file first, because a
     * discovery scan without LibVLC can take minutes.
     */
    public static boolean available() {
        return LIBVLC.stream().anyMatch(Files::exists) && new NativeDiscovery().discover();
    }

    /** A player; {@code quietAudio} sends sound nowhere (machines without a sound card, tests). */
    public static VideoPlayer create(FrameSink sink, Listener listener, boolean quietAudio) {
        if (!available()) {
            throw new IllegalStateException(tr("video.installVlc"));
        }
        // one 6 s HLS segment buffered ahead and one decoder thread: LibVLC's defaults (30 s, a thread per core)
        // took the app from ~340 to ~410-530 MB resident while playing (./lectern bench desktop; ADR 0018)
        List<String> args = new java.util.ArrayList<>(List.of("--quiet", "--no-video-title-show", "--no-osd",
                "--adaptive-maxbuffer=6000", "--avcodec-threads=1", "--no-snapshot-preview"));
        if (quietAudio || !Files.exists(Path.of("/dev/snd"))) {
            args.add("--aout=dummy");
        }
        return new VideoPlayer(new MediaPlayerFactory(args), sink, listener);
    }

    public void play(String url, long startMillis) {
        player.media().play(url, startAt(startMillis));
    }

    /** Plays a downloaded, encrypted video, decrypted in memory as LibVLC reads it; the player closes the reader. */
    public void play(SealedFiles.Reader file, long startMillis) {
        sealed = file;
        sealedMedia = new SealedMedia(file); // held: LibVLC calls into it until the player is released
        player.media().play(sealedMedia, startAt(startMillis));
    }

    private static String startAt(long startMillis) {
        return ":start-time=" + (startMillis > 0 ? startMillis / 1000.0 : 0);
    }

    public void pause() {
        player.controls().setPause(true);
    }

    public void resume() {
        player.controls().setPause(false);
    }

    public boolean isPlaying() {
        return player.status().isPlaying();
    }

    public void seek(long millis) {
        player.controls().setTime(Math.max(0, millis));
    }

    public long time() {
        return player.status().time();
    }

    public long length() {
        return player.status().length();
    }

    public void rate(float rate) {
        player.controls().setRate(rate);
    }

    public void volume(int percent) {
        player.audio().setVolume(percent);
    }

    public void mute(boolean mute) {
        player.audio().setMute(mute);
    }

    /** No subtitles. */
    public void subtitlesOff() {
        player.subpictures().setTrack(-1);
    }

    /** Subtitle track from a WebVTT URL. */
    public void subtitles(String url) {
        player.subpictures().setSubTitleUri(url);
    }

    @Override
    public void close() {
        player.controls().stop();
        player.release();
        factory.release();
        if (sealed != null) {
            try {
                sealed.close();
            } catch (java.io.IOException ignored) {
                // read-only file; nothing was pending
            }
        }
    }

    private static final class Formats implements BufferFormatCallback {
        private final FrameSink sink;

        Formats(FrameSink sink) {
            this.sink = sink;
        }

        @Override
        public BufferFormat getBufferFormat(int width, int height) {
            sink.format(width, height);
            return new RV32BufferFormat(width, height);
        }

        @Override
        public void newFormatSize(int width, int height, int displayWidth, int displayHeight) {
            // the buffer format above already carries the size
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
            // frames are copied out in display()
        }
    }

    private static final class Frames implements RenderCallback {
        private final FrameSink sink;

        Frames(FrameSink sink) {
            this.sink = sink;
        }

        @Override
        public void lock(MediaPlayer mediaPlayer) {
            // single buffer; nothing to lock on our side
        }

        @Override
        public void display(MediaPlayer mp, ByteBuffer[] buffers, BufferFormat format, int displayWidth,
                            int displayHeight) {
            sink.frame(buffers[0], format.getWidth(), format.getHeight());
        }

        @Override
        public void unlock(MediaPlayer mediaPlayer) {
            // nothing to release
        }
    }
}
