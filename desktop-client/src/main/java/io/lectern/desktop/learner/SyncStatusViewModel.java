package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.i18n.DateText;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.model.learning.SyncEvent;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar and the refusals screen: online or offline, how many actions wait, when the last sync was, and
 * every action the server refused with its reason until the learner dismisses it.
 */
public final class SyncStatusViewModel {

    private final SyncEngine engine;
    private final OfflineStore store;
    private final Executor background;
    private final Executor ui;
    private final StringProperty status = new SimpleStringProperty(tr("sync.never"));
    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final BooleanProperty syncing = new SimpleBooleanProperty(false);
    private final ObservableList<OfflineStore.Refusal> refusals = FXCollections.observableArrayList();

    public SyncStatusViewModel(SyncEngine engine, OfflineStore store, Executor background, Executor ui) {
        this.engine = engine;
        this.store = store;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty status() {
        return status;
    }

    public BooleanProperty online() {
        return online;
    }

    public BooleanProperty syncing() {
        return syncing;
    }

    public ObservableList<OfflineStore.Refusal> refusals() {
        return refusals;
    }

    /** Sends what is queued (the shell calls this at start, every minute and on demand). */
    public void syncNow() {
        if (syncing.get()) {
            return;
        }
        syncing.set(true);
        background.execute(() -> {
            SyncEngine.Report r = engine.sync();
            var refused = store.refusals();
            String synced = store.meta("synced_at").map(t -> " · " + tr("sync.synced", DateText.time(Instant.parse(t))))
                    .orElse("");
            ui.execute(() -> {
                online.set(r.online());
                refusals.setAll(refused);
                status.set(tr(r.online() ? "sync.online" : "sync.offline")
                        + (r.queued() > 0 ? " · " + tr("sync.waiting", r.queued()) : "") + synced
                        + (refused.isEmpty() ? "" : " · " + tr("sync.refused", refused.size())));
                syncing.set(false);
            });
        });
    }

    /** The learner has read a refusal. */
    public void dismiss(OfflineStore.Refusal refusal) {
        store.dismiss(refusal.event().id());
        refusals.remove(refusal);
    }

    /** What a refused action was, in words. */
    public static String describe(OfflineStore.Refusal r) {
        String what = switch (r.event()) {
            case SyncEvent.Heartbeat h -> tr("sync.event.heartbeat");
            case SyncEvent.Complete c -> tr("sync.event.complete");
            case SyncEvent.NoteUpsert n -> tr("sync.event.note");
            case SyncEvent.NoteDelete n -> tr("sync.event.note.delete");
            case SyncEvent.QuizAttempt q -> tr("sync.event.quiz");
            case SyncEvent.AssignmentDraft d -> tr("sync.event.draft");
            case SyncEvent.Unknown u -> u.type();
        };
        return tr("sync.refusal", what, DateText.time(r.event().clientTime()),
                io.lectern.desktop.core.api.ProblemText.of(r.code(), r.reason(), java.util.Map.of()));
    }
}
