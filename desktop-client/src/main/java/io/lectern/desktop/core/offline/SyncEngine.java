package io.lectern.desktop.core.offline;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncRequest;
import io.lectern.model.learning.SyncResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays the offline queue through {@code POST /api/v1/sync} in batches, idempotently: events leave the queue only
 * once the server answered for them (applied or duplicate); refused ones move to the refusals the learner sees
 * with the server's reason; the server's state since the last cursor is stored. An unreachable server leaves
 * everything queued for the next try.
 */
public final class SyncEngine {

    /**
     * What a sync did.
     *
     * @param online     whether the server answered
     * @param applied    events applied now
     * @param duplicates events the server had already
     * @param refused    events refused (see {@link OfflineStore#refusals()})
     * @param queued     events still queued
     * @param error      why the sync stopped, if it did
     */
    public record Report(boolean online, int applied, int duplicates, int refused, int queued, String error) {
    }

    static final int BATCH = 5_000;

    private final ApiClient api;
    private final Session session;
    private final OfflineStore store;

    public SyncEngine(ApiClient api, Session session, OfflineStore store) {
        this.api = api;
        this.session = session;
        this.store = store;
    }

    /** Queues an action; it reaches the server at the next sync. */
    public void record(SyncEvent event) {
        store.enqueue(event);
    }

    public synchronized Report sync() {
        int applied = 0;
        int duplicates = 0;
        int refused = 0;
        try {
            boolean first = true;
            while (first || store.queuedCount() > 0) {
                first = false;
                List<SyncEvent> batch = store.queued(BATCH);
                SyncResult r = session.call(token -> api.post("/api/v1/sync", new SyncRequest(batch,
                        store.meta("cursor").orElse(null), ZoneId.systemDefault().getId()), SyncResult.class, token));
                List<String> done = new ArrayList<>(r.applied());
                done.addAll(r.duplicates());
                store.answered(done, r.rejected(), batch);
                store.applyServerState(r);
                applied += r.applied().size();
                duplicates += r.duplicates().size();
                refused += r.rejected().size();
                if (batch.isEmpty()) {
                    break;
                }
            }
            return new Report(true, applied, duplicates, refused, store.queuedCount(), null);
        } catch (ServerUnreachableException e) {
            return new Report(false, applied, duplicates, refused, store.queuedCount(), tr("sync.error.offline"));
        } catch (ApiError | SessionEndedException e) {
            return new Report(true, applied, duplicates, refused, store.queuedCount(), e.getMessage());
        }
    }
}
