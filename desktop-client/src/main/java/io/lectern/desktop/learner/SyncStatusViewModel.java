package io.lectern.desktop.learner;

import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final SyncEngine engine;
    private final OfflineStore store;
    private final Executor background;
    private final Executor ui;
    private final StringProperty status = new SimpleStringProperty("Not synced yet");
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
            String synced = store.meta("synced_at").map(t -> " · synced " + TIME.format(Instant.parse(t))).orElse("");
            ui.execute(() -> {
                online.set(r.online());
                refusals.setAll(refused);
                status.set((r.online() ? "Online" : "Offline") + (r.queued() > 0 ? " · " + r.queued()
                        + (r.queued() == 1 ? " action" : " actions") + " waiting" : "") + synced
                        + (refused.isEmpty() ? "" : " · " + refused.size() + " refused — see Sync"));
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
        String what = switch (r.event().type()) {
            case "HEARTBEAT" -> "Watching progress";
            case "COMPLETE" -> "Marking a lesson done";
            case "NOTE_UPSERT" -> "A note";
            case "NOTE_DELETE" -> "Deleting a note";
            case "QUIZ_ATTEMPT" -> "A quiz attempt";
            case "ASSIGNMENT_DRAFT" -> "An assignment draft";
            default -> r.event().type();
        };
        return what + " from " + TIME.format(r.event().clientTime()) + ": " + r.reason();
    }
}
