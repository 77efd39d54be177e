package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A lesson: title, text, "Mark as done". */
public final class LessonPane {

    private final LessonViewModel model;
    private final Runnable back;
    private final java.util.function.Supplier<VideoViewModel> videos;
    private VideoViewModel playing;

    private final java.util.function.Supplier<QuizViewModel> quizzes;
    private final java.util.function.BiConsumer<java.util.UUID, java.util.UUID> next;
    private final PdfOpener pdfs;
    private PdfViewModel reading;

    /** Opens a PDF lesson's pages (from its download, else from the server). */
    public interface PdfOpener {
        PdfViewModel open(java.util.UUID lessonId, java.util.UUID mediaId);
    }

    private java.util.function.Supplier<AssignmentViewModel> assignments = () -> null;
    private OutlineViewModel outline;
    private java.util.function.Consumer<java.util.UUID> openLesson = id -> { };

    /** A syllabus beside the lesson (ticks, locks, previous) that opens the lesson clicked. */
    public LessonPane withOutline(OutlineViewModel syllabus, java.util.function.Consumer<java.util.UUID> open) {
        this.outline = syllabus;
        this.openLesson = open;
        return this;
    }

    /** Assignment lessons show their submission form. */
    public LessonPane withAssignments(java.util.function.Supplier<AssignmentViewModel> factory) {
        this.assignments = factory;
        return this;
    }

    public LessonPane(LessonViewModel model, Runnable back, java.util.function.Supplier<VideoViewModel> videos,
                      java.util.function.Supplier<QuizViewModel> quizzes, PdfOpener pdfs,
                      java.util.function.BiConsumer<java.util.UUID, java.util.UUID> next) {
        this.pdfs = pdfs;
        this.model = model;
        this.back = back;
        this.videos = videos;
        this.quizzes = quizzes;
        this.next = next;
    }

    public Parent createView() {
        Hyperlink toCourses = new Hyperlink(tr("lesson.backToMyLearning"));
        toCourses.setOnAction(e -> {
            closeMedia();
            back.run();
        });
        Label title = new Label();
        title.setId("lesson-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.textProperty().bind(model.title());
        Label body = new Label();
        body.setId("lesson-body");
        body.setWrapText(true);
        body.textProperty().bind(model.body());
        ScrollPane text = new ScrollPane(body);
        text.setFitToWidth(true);
        model.article().addListener((javafx.collections.ListChangeListener<
                io.lectern.desktop.core.text.MarkdownBlocks.Block>) c -> text.setContent(ArticleView.of(model.article())));
        VBox.setVgrow(text, Priority.ALWAYS);
        Button done = new Button(tr("lesson.markDone"));
        done.setId("lesson-done");
        done.getStyleClass().add(Styles.ACCENT);
        done.visibleProperty().bind(model.markable());
        done.managedProperty().bind(model.markable());
        done.disableProperty().bind(model.done());
        done.setOnAction(e -> model.markDone());
        Label message = new Label();
        message.setId("lesson-message");
        message.textProperty().bind(model.message());
        Button onward = new Button(tr("lesson.next"));
        onward.setId("lesson-next");
        onward.setOnAction(e -> {
            closeMedia();
            next.accept(model.courseId(), outline == null ? null : outline.next()); // the syllabus's next, if known
        });
        Button back = previousButton();
        Button download = new Button(tr("lesson.download"));
        download.setId("lesson-download");
        download.visibleProperty().bind(model.downloadable());
        download.managedProperty().bind(model.downloadable());
        download.setOnAction(e -> model.download());
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(10, back, done, onward, download);
        VBox root = new VBox(12, toCourses, title, text, actions, message);
        root.setPadding(new Insets(24));
        showContent(root, text);
        return outline == null ? root : withSyllabus(root, back);
    }

    private Button previousButton() {
        Button back = new Button(tr("lesson.previous"));
        back.setId("lesson-previous");
        back.setVisible(false);
        back.setManaged(false);
        back.setOnAction(e -> {
            java.util.UUID before = outline == null ? null : outline.previous();
            if (before != null) {
                closeMedia();
                openLesson.accept(before);
            }
        });
        return back;
    }

    /** The syllabus on the left, loaded once the lesson says its course; Previous shows when there is one. */
    private Parent withSyllabus(VBox root, Button back) {
        model.title().addListener((obs, old, t) -> {
            if (model.courseId() != null) {
                outline.load(model.courseId(), model.lessonId());
            }
        });
        outline.rows().addListener((javafx.collections.ListChangeListener<OutlineViewModel.Row>) c -> {
            back.setVisible(outline.previous() != null);
            back.setManaged(outline.previous() != null);
        });
        Parent side = new OutlinePane(outline, id -> {
            closeMedia();
            openLesson.accept(id);
        }).createView();
        javafx.scene.layout.HBox.setHgrow(root, Priority.ALWAYS);
        javafx.scene.layout.HBox page = new javafx.scene.layout.HBox(0, side, root);
        page.setPadding(new Insets(24, 0, 0, 24));
        return page;
    }

    /** Puts the lesson's player, pages, form or quiz where the text was, once the lesson says which it is. */
    private void showContent(VBox root, ScrollPane text) {
        model.video().addListener((obs, old, media) -> {
            playing = videos.get();
            VideoPane pane = new VideoPane(playing);
            Parent player = pane.createView();
            root.getChildren().set(root.getChildren().indexOf(text), player);
            VBox.setVgrow(player, Priority.ALWAYS);
            player.requestFocus();
            playing.open(model.lessonId(), media, 0, pane, false);
        });
        model.pdf().addListener((obs, old, media) -> {
            reading = pdfs.open(model.lessonId(), media);
            Parent pages = new PdfPane(reading).createView();
            root.getChildren().set(root.getChildren().indexOf(text), pages);
            VBox.setVgrow(pages, Priority.ALWAYS);
        });
        model.assignment().addListener((obs, old, lesson) -> {
            AssignmentViewModel form = assignments.get();
            if (form != null) {
                Parent pane = new AssignmentPane(form).createView();
                root.getChildren().set(root.getChildren().indexOf(text), pane);
                VBox.setVgrow(pane, Priority.ALWAYS);
                form.load(lesson, model.body().get());
            }
        });
        model.quiz().addListener((obs, old, quizId) -> {
            QuizViewModel quiz = quizzes.get();
            Parent pane = new QuizPane(quiz).createView();
            root.getChildren().set(root.getChildren().indexOf(text), pane);
            quiz.start(quizId);
        });
    }

    /** Stops the lesson's video and closes its PDF (the shell calls this when the learner goes elsewhere). */
    public void close() {
        closeMedia();
    }

    private void closeMedia() {
        if (playing != null) {
            playing.close();
            playing = null;
        }
        if (reading != null) {
            reading.close();
            reading = null;
        }
    }
}
