package io.lectern.server.media;

import io.lectern.server.media.internal.MediaCore;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the media module: resumable uploads, processing (ffmpeg, PDFBox), signed range streaming. */
public final class MediaModule {

    public static final String SCHEMA = "media";

    private MediaModule() {
    }

    public static MediaService register(ApiRoutes routes, Platform platform) {
        return new MediaService(new MediaCore(platform, routes));
    }
}
