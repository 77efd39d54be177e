package io.lectern.desktop.learner;

import io.lectern.desktop.core.video.FrameSink;
import io.lectern.desktop.core.video.VideoPlayer;

/** Passes a player's events on only while it is the one playing (a replaced, stalled one may still speak). */
final class ForwardingListener implements VideoPlayer.Listener {
    private final VideoViewModel to;
    private volatile VideoPlayer own;

    private ForwardingListener(VideoViewModel to) {
        this.to = to;
    }

    static VideoPlayer create(VideoViewModel to, FrameSink sink, boolean quiet) {
        ForwardingListener f = new ForwardingListener(to);
        f.own = VideoPlayer.create(sink, f, quiet);
        return f.own;
    }

    private boolean current() {
        return own == null || to.player == own;
    }

    @Override
    public void onPlaying() {
        if (current()) {
            to.onPlaying();
        }
    }

    @Override
    public void onPaused() {
        if (current()) {
            to.onPaused();
        }
    }

    @Override
    public void onFinished() {
        if (current()) {
            to.onFinished();
        }
    }

    @Override
    public void onError(String message) {
        if (current()) {
            to.onError(message);
        }
    }

    @Override
    public void onTime(long millis, long length) {
        if (current()) {
            to.onTime(millis, length);
        }
    }
}
