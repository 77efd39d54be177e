package io.lectern.server.media;

import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.media.internal.MediaCore;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.jobs.JobRunner;
import java.nio.file.Path;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the media module: resumable uploads, processing (ffmpeg, PDFBox), signed range streaming. */
public final class MediaModule {

    public static final String SCHEMA = "media";

    private MediaModule() {
    }

    public static MediaService register(ApiRoutes routes, Database db, Clock clock, Ids ids, Json json, JobRunner jobs,
                                        SecretBox secrets, MediaSettings mediaSettings, boolean trustForwardedFor,
                                        Path dataDir, int port) {
        return new MediaService(new MediaCore(db, clock, ids, json, jobs, secrets, mediaSettings, trustForwardedFor,
                                dataDir, port, routes));
    }
}
