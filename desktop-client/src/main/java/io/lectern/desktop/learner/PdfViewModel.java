package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.desktop.core.pdf.PdfPages;
import io.lectern.model.learning.SyncEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A PDF lesson read page by page: the document from its download (sealed, decrypted in memory) or from the server,
 * previous / next / go to page, zoom 50–300 %, and each page looked at recorded through the sync queue, so the
 * lesson completes once every page was seen, online or offline.
 */
public final class PdfViewModel implements AutoCloseable {

    /** Where the PDF's bytes come from: the sealed download first, else the server. */
    public interface Source {
        byte[] bytes() throws IOException, ApiError, ServerUnreachableException, SessionEndedException;
    }

    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 3;

    private final SyncEngine sync;
    private final Runnable syncNow;
    private final Executor background;
    private final Executor ui;
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final IntegerProperty pageCount = new SimpleIntegerProperty(0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ObjectProperty<PdfPages.Page> image = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final Set<Integer> seen = new TreeSet<>();
    private UUID lessonId;
    private PdfPages pdf;

    public PdfViewModel(SyncEngine sync, Runnable syncNow, Executor background, Executor ui) {
        this.sync = sync;
        this.syncNow = syncNow;
        this.background = background;
        this.ui = ui;
    }

    /** 1-based page shown. */
    public IntegerProperty page() {
        return page;
    }

    public IntegerProperty pageCount() {
        return pageCount;
    }

    public DoubleProperty zoom() {
        return zoom;
    }

    /** The page rendered for the current page and zoom. */
    public ObjectProperty<PdfPages.Page> image() {
        return image;
    }

    public StringProperty message() {
        return message;
    }

    public void open(UUID lesson, Source source) {
        this.lessonId = lesson;
        message.set(tr("pdf.opening"));
        background.execute(() -> {
            try {
                PdfPages opened = PdfPages.open(source.bytes());
                ui.execute(() -> {
                    pdf = opened;
                    pageCount.set(opened.pageCount());
                    message.set("");
                    go(1);
                });
            } catch (ServerUnreachableException e) {
                ui.execute(() -> message.set(tr("pdf.offlineMissing")));
            } catch (IOException | ApiError | SessionEndedException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    public void next() {
        go(page.get() + 1);
    }

    public void previous() {
        go(page.get() - 1);
    }

    /** Shows page {@code number} (1-based; out of range goes to the nearest page). */
    public void go(int number) {
        if (pdf == null || pageCount.get() == 0) {
            return;
        }
        int target = Math.clamp(number, 1, pageCount.get());
        page.set(target);
        render();
        if (seen.add(target)) {
            sync.record(new SyncEvent.Heartbeat(UUID.randomUUID().toString(), Instant.now(), lessonId, null, null, null,
                    List.of(target)));
            if (seen.size() == pageCount.get()) {
                message.set(tr("pdf.allRead"));
                syncNow.run();
            }
        }
    }

    /** Zooms by {@code factor} (×1.25 in, ÷1.25 out), within 50–300 %. */
    public void zoomBy(double factor) {
        zoom.set(Math.clamp(zoom.get() * factor, MIN_ZOOM, MAX_ZOOM));
        render();
    }

    /** The pages looked at so far. */
    public Set<Integer> seen() {
        return Set.copyOf(seen);
    }

    private void render() {
        int index = page.get() - 1;
        double z = zoom.get();
        PdfPages doc = pdf;
        background.execute(() -> {
            try {
                PdfPages.Page rendered = doc.render(index, z);
                ui.execute(() -> {
                    if (page.get() - 1 == index && zoom.get() == z) {
                        image.set(rendered);
                    }
                });
            } catch (IOException e) {
                ui.execute(() -> message.set(tr("pdf.pageFailed", index + 1, e.getMessage())));
            }
        });
    }

    @Override
    public void close() {
        if (pdf != null) {
            try {
                pdf.close();
            } catch (IOException ignored) {
                // read-only, in memory
            }
        }
    }
}
