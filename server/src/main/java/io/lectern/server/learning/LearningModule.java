package io.lectern.server.learning;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.learning.internal.LearningCore;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.platform.http.ApiRoutes;

/** Wires the learning module: progress, offline sync, notes quizzes, certificates (assignments to come). */
public final class LearningModule {

    public static final String SCHEMA = "learning";

    private LearningModule() {
    }

    public static LearningService register(ApiRoutes routes, Database db, Clock clock, Ids ids, Json json,
                                           EventBus events, JobRunner jobs, SecretBox secrets,
                                           String publicUrl, CatalogService catalog,
                                           IdentityService identity, MediaService media) {
        return new LearningService(new LearningCore(db, clock, ids, json, events, jobs, secrets, publicUrl,
                                   catalog, identity, media, routes));
    }
}
