package io.lectern.server.learning;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.learning.internal.LearningCore;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the learning module: progress, offline sync, notes quizzes, certificates (assignments to come). */
public final class LearningModule {

    public static final String SCHEMA = "learning";

    private LearningModule() {
    }

    public static LearningService register(ApiRoutes routes, Platform platform, CatalogService catalog,
                                           IdentityService identity, MediaService media) {
        return new LearningService(new LearningCore(platform, catalog, identity, media, routes));
    }
}
