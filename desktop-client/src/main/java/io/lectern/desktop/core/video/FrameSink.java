package io.lectern.desktop.core.video;

import java.nio.ByteBuffer;

/** Where decoded frames go (the view's pixel buffer; a counter in tests). Called on LibVLC's threads. */
public interface FrameSink {

    /** The video's display size is known (called before the first frame). */
    void format(int width, int height);

    /** One frame, BGRA, {@code width * 4} bytes per row; valid only during the call. */
    void frame(ByteBuffer bgra, int width, int height);
}
