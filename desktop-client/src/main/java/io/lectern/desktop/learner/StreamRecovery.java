package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Keeps a streamed video going when its signed links expire. LibVLC does not report that as an error: it either
 * ends the stream early (the next HLS segment was refused) or stalls, playing on without pictures. Either, and any
 * reported error, gets one fresh link from where the video was; a second failure in a row is shown to the learner.
 */
final class StreamRecovery {

    private static final long STALL_NANOS = 8_000_000_000L;

    private final DoubleConsumer restartAt;
    private final Consumer<String> say;
    private volatile boolean streaming;
    private volatile boolean refreshed;
    private volatile boolean meantToPlay;
    private volatile long lastProgress;
    private volatile double seconds;
    private volatile double length;

    /** {@code restartAt} asks the server for fresh links and plays from the given second (off the UI thread). */
    StreamRecovery(DoubleConsumer restartAt, Consumer<String> say) {
        this.restartAt = restartAt;
        this.say = say;
    }

    /** A stream started: watch it for stalls until {@link #stop()}. */
    void started() {
        streaming = true;
        lastProgress = System.nanoTime();
        Thread.ofVirtual().name("video-stall-watch").start(() -> {
            while (streaming) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (streaming && meantToPlay && System.nanoTime() - lastProgress > STALL_NANOS) {
                    lastProgress = System.nanoTime();
                    failed(tr("video.stalled"));
                }
            }
        });
    }

    void stop() {
        streaming = false;
    }

    void playing() {
        meantToPlay = true;
        refreshed = false; // a later expiry gets its own fresh link
        lastProgress = System.nanoTime();
    }

    void paused() {
        meantToPlay = false;
    }

    void time(double at, double total) {
        seconds = at;
        length = total;
        lastProgress = System.nanoTime();
    }

    /** True when the stream ended before the video did, and a fresh link was asked for. */
    boolean endedEarly() {
        meantToPlay = false;
        if (streaming && !refreshed && length > 0 && seconds < length - 2) {
            recover();
            return true;
        }
        return false;
    }

    /** An error: a fresh link the first time, else the reason for the learner. */
    void failed(String reason) {
        if (!streaming || refreshed) {
            say.accept(reason);
            return;
        }
        recover();
    }

    private void recover() {
        refreshed = true;
        say.accept(tr("video.freshLink"));
        restartAt.accept(seconds);
    }
}
