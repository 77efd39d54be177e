package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.learning.LearningClient;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.desktop.core.text.MarkdownText;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.catalog.LessonView;
import io.lectern.model.learning.SyncEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A lesson being studied: its text, and "mark as done", which goes through the sync engine's queue so it counts
 * whether the server is reachable now or later. Locked lessons say which lesson to finish first.
 */
public final class LessonViewModel {

    private final LearningClient learning;
    private final SyncEngine sync;
    private final Runnable syncNow;
    private final Executor background;
    private final Executor ui;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty markable = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final javafx.beans.property.ObjectProperty<UUID> video = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.ObjectProperty<UUID> quiz = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.ObjectProperty<UUID> pdf = new javafx.beans.property.SimpleObjectProperty<>();
    private final javafx.beans.property.ObjectProperty<UUID> assignment =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final Function<UUID, Optional<LessonView>> downloaded;
    private final javafx.collections.ObservableList<io.lectern.desktop.core.text.MarkdownBlocks.Block> article =
            javafx.collections.FXCollections.observableArrayList();
    private LessonView lesson;

    public LessonViewModel(LearningClient learning, SyncEngine sync, Runnable syncNow, Executor background,
                           Executor ui) {
        this(learning, sync, syncNow, lesson -> Optional.empty(), background, ui);
    }

    /** With downloads: without the server, a downloaded lesson opens from its copy. */
    public LessonViewModel(LearningClient learning, SyncEngine sync, Runnable syncNow,
                           Function<UUID, Optional<LessonView>> downloaded, Executor background, Executor ui) {
        this.downloaded = downloaded;
        this.learning = learning;
        this.sync = sync;
        this.syncNow = syncNow;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty title() {
        return title;
    }

    public StringProperty body() {
        return body;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty markable() {
        return markable;
    }

    public BooleanProperty done() {
        return done;
    }

    /** The media of a video lesson, once loaded (the view then opens the player). */
    public javafx.beans.property.ObjectProperty<UUID> video() {
        return video;
    }

    /** The quiz of a quiz lesson, once loaded (the view then shows the quiz). */
    public javafx.beans.property.ObjectProperty<UUID> quiz() {
        return quiz;
    }

    /** An article lesson's text as styled blocks (empty for other lessons). */
    public javafx.collections.ObservableList<io.lectern.desktop.core.text.MarkdownBlocks.Block> article() {
        return article;
    }

    /** An assignment lesson, once loaded (the view then shows its submission form). */
    public javafx.beans.property.ObjectProperty<UUID> assignment() {
        return assignment;
    }

    /** The media of a PDF lesson, once loaded (the view then shows its pages). */
    public javafx.beans.property.ObjectProperty<UUID> pdf() {
        return pdf;
    }

    public UUID courseId() {
        return lesson == null ? null : lesson.courseId();
    }

    public UUID lessonId() {
        return lesson == null ? null : lesson.id();
    }

    public void load(UUID lessonId) {
        message.set(tr("lesson.opening"));
        background.execute(() -> {
            try {
                LessonView l = learning.lesson(lessonId);
                ui.execute(() -> show(l));
            } catch (ApiError e) {
                ui.execute(() -> message.set(e.getMessage()));
            } catch (ServerUnreachableException e) {
                Optional<LessonView> copy = downloaded.apply(lessonId);
                ui.execute(() -> copy.ifPresentOrElse(l -> {
                    show(l);
                    message.set(tr("lesson.offlineCopy"));
                }, () -> message.set(tr("lesson.offlineMissing"))));
            } catch (SessionEndedException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    private void show(LessonView l) {
        lesson = l;
        title.set(l.title());
        body.set(switch (l.type()) {
            case ARTICLE -> MarkdownText.plain(l.content() == null ? "" : l.content().body());
            case ASSIGNMENT -> MarkdownText.plain(l.content() == null ? "" : l.content().instructions());
            case EMBED -> tr("lesson.embed", l.launchUrl() == null ? "" : l.launchUrl());
            case QUIZ -> "";
            case VIDEO, PDF -> l.content() == null || l.content().mediaId() == null
                    ? tr("lesson.fileMissing") : "";
            default -> tr("lesson.unsupported", typeName(l.type()));
        });
        if (l.type() == LessonType.QUIZ && l.content() != null && l.content().quizId() != null) {
            quiz.set(l.content().quizId());
        }
        if (l.type() == LessonType.VIDEO && l.content() != null && l.content().mediaId() != null) {
            video.set(l.content().mediaId());
        }
        if (l.type() == LessonType.ASSIGNMENT) {
            assignment.set(l.id());
        }
        if (l.type() == LessonType.ARTICLE) {
            article.setAll(io.lectern.desktop.core.text.MarkdownBlocks.of(l.content() == null ? ""
                    : l.content().body()));
        }
        if (l.type() == LessonType.PDF && l.content() != null && l.content().mediaId() != null) {
            pdf.set(l.content().mediaId());
        }
        markable.set(l.type() == LessonType.ARTICLE || l.type() == LessonType.PDF || l.type() == LessonType.EMBED);
        downloadable.set(downloads != null && io.lectern.desktop.core.downloads.Downloads.offlineKind(l.type())
                && downloads.item(l.id()).isEmpty());
        message.set("");
    }

    /** A lesson type in words ("video", "quiz", …), as the syllabus and the lesson screen name it. */
    static String typeName(LessonType type) {
        return switch (type) {
            case VIDEO -> tr("lesson.type.video");
            case ARTICLE -> tr("lesson.type.article");
            case PDF -> tr("lesson.type.pdf");
            case QUIZ -> tr("lesson.type.quiz");
            case ASSIGNMENT -> tr("lesson.type.assignment");
            case LIVE -> tr("lesson.type.live");
            case EMBED -> tr("lesson.type.embed");
        };
    }

    private io.lectern.desktop.core.downloads.Downloads downloads;
    private final BooleanProperty downloadable = new SimpleBooleanProperty(false);

    /** Lets the learner download this lesson for offline study. */
    public LessonViewModel withDownloads(io.lectern.desktop.core.downloads.Downloads d) {
        this.downloads = d;
        return this;
    }

    /** Whether "Download" makes sense here: a lesson that can be studied offline and is not downloaded yet. */
    public BooleanProperty downloadable() {
        return downloadable;
    }

    /** Queues this lesson's download (progress on the Downloads screen). */
    public void download() {
        LessonView l = lesson;
        if (downloads == null || l == null) {
            return;
        }
        downloadable.set(false);
        message.set(tr("lesson.preparingDownload"));
        background.execute(() -> {
            String said;
            try {
                downloads.addLesson(l);
                said = tr("lesson.downloading");
            } catch (ApiError | SessionEndedException | IllegalArgumentException e) {
                said = e.getMessage();
            } catch (ServerUnreachableException e) {
                said = tr("lesson.downloadOffline");
            }
            String text = said;
            ui.execute(() -> message.set(text));
        });
    }

    /** Marks the lesson done: queued first (so it survives going offline), then synced. */
    public void markDone() {
        if (lesson == null || done.get()) {
            return;
        }
        sync.record(new SyncEvent.Complete(UUID.randomUUID().toString(), Instant.now(), lesson.id()));
        done.set(true);
        message.set(tr("lesson.markedDone"));
        syncNow.run();
    }
}
