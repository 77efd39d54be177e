package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.downloads.DownloadIndex.Item;
import io.lectern.desktop.core.downloads.DownloadIndex.State;
import io.lectern.desktop.core.downloads.Downloads;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The downloads screen: every downloaded or downloading lesson by course with its progress, state and what can be
 * done (pause, resume, retry, remove, open), and the disk the downloads take of the quota. Rows update as bytes
 * arrive.
 */
public final class DownloadsViewModel {

    /**
     * One line of the screen.
     *
     * @param lessonId the lesson
     * @param title    "Course · Lesson"
     * @param fraction 0..1
     * @param status   in words, with sizes
     * @param state    state
     */
    public record Row(UUID lessonId, String title, double fraction, String status, State state) {
    }

    private final Downloads downloads;
    private final long quotaBytes;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty usage = new SimpleStringProperty("");

    public DownloadsViewModel(Downloads downloads, long quotaBytes, Executor background, Executor ui) {
        this.downloads = downloads;
        this.quotaBytes = quotaBytes;
        this.background = background;
        this.ui = ui;
        downloads.onChange(item -> ui.execute(() -> update(row(item))));
        downloads.onRemove(lesson -> ui.execute(() -> {
            rows.removeIf(r -> r.lessonId().equals(lesson));
            refreshUsage();
        }));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** "1.2 GB of 10 GB used". */
    public StringProperty usage() {
        return usage;
    }

    public void load() {
        background.execute(() -> {
            var all = downloads.items().stream().map(DownloadsViewModel::row).toList();
            String used = usageText();
            ui.execute(() -> {
                rows.setAll(all);
                usage.set(used);
            });
        });
    }

    public void pause(Row r) {
        background.execute(() -> downloads.pause(r.lessonId()));
    }

    /** Resume a paused download or retry a failed one. */
    public void resume(Row r) {
        background.execute(() -> downloads.resume(r.lessonId()));
    }

    public void remove(Row r) {
        background.execute(() -> downloads.cancel(r.lessonId()));
    }

    private void update(Row row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).lessonId().equals(row.lessonId())) {
                rows.set(i, row);
                refreshUsage();
                return;
            }
        }
        rows.add(row);
        refreshUsage();
    }

    private void refreshUsage() {
        background.execute(() -> {
            String used = usageText();
            ui.execute(() -> usage.set(used));
        });
    }

    private String usageText() {
        return tr("downloads.usage", size(downloads.diskUsage()), size(quotaBytes));
    }

    static Row row(Item i) {
        String title = i.courseTitle() + " \u00b7 " + i.lesson().title();
        String status = switch (i.state()) {
            case QUEUED -> tr("downloads.status.waiting");
            case DOWNLOADING -> tr("downloads.status.downloading", size(i.received()), size(i.total()));
            case PAUSED -> tr("downloads.status.paused", size(i.received()), size(i.total()));
            case DONE -> i.file() == null ? tr("downloads.status.ready") : tr("downloads.status.ready.size", size(i.total()));
            case FAILED -> tr("downloads.status.failed", i.error());
        };
        return new Row(i.lessonId(), title, i.fraction(), status, i.state());
    }

    /** "1.5 GB", "12.3 MB", "420 KB" in the language's style (one decimal rounded half up, as "%.1f" did). */
    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return tr("downloads.size.gb", BigDecimal.valueOf(bytes, 9).setScale(1, RoundingMode.HALF_UP));
        }
        if (bytes >= 1_000_000L) {
            return tr("downloads.size.mb", BigDecimal.valueOf(bytes, 6).setScale(1, RoundingMode.HALF_UP));
        }
        return tr("downloads.size.kb", (bytes + 999) / 1000);
    }
}
