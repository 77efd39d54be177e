package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.commerce.WalletClient;
import io.lectern.desktop.core.downloads.DownloadIndex;
import io.lectern.desktop.core.downloads.Downloads;
import io.lectern.desktop.core.downloads.SealedFiles;
import io.lectern.desktop.core.learning.CertificateClient;
import io.lectern.desktop.core.learning.LearningClient;
import io.lectern.desktop.core.learning.NotesBook;
import io.lectern.desktop.core.learning.PlaybackClient;
import io.lectern.desktop.core.learning.QuizClient;
import io.lectern.desktop.core.offline.OfflineStore;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.desktop.core.settings.DesktopSettings;
import io.lectern.desktop.shell.HomeViewModel;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The learner app's frame: navigation on the left (catalog, wallet), the account at the bottom, screens in the middle. */
public final class LearnerShell {

    private final HomeViewModel home;
    private final CatalogClient catalog;
    private final WalletClient wallet;
    private final Executor background;
    private final Executor ui;
    private final BorderPane root = new BorderPane();
    private final ToggleGroup nav = new ToggleGroup();
    private ToggleButton catalogButton;
    private ToggleButton walletButton;
    private ToggleButton learningButton;
    private ToggleButton settingsButton;
    private Parent catalogScreen;

    private final SyncStatusViewModel sync;
    private final SyncEngine engine;
    private final LearningClient learning;
    private final PlaybackClient playback;
    private final QuizClient quizzes;
    private final CertificateClient certificates;

    private final DesktopSettings settings;
    private final Downloads downloads;
    private Runnable leaving = () -> { };
    private final NotesBook notes;
    private final io.lectern.desktop.core.learning.AssignmentClient assignments;
    private final io.lectern.desktop.core.upload.Uploader uploader;

    public LearnerShell(HomeViewModel home, ApiClient api, Session session, OfflineStore store, DesktopSettings settings,
                        Executor background, Executor ui) {
        this.home = home;
        this.settings = settings;
        this.engine = new SyncEngine(api, session, store);
        this.notes = new NotesBook(store, engine, java.time.Clock.systemUTC());
        this.assignments = new io.lectern.desktop.core.learning.AssignmentClient(api, session);
        this.uploader = new io.lectern.desktop.core.upload.Uploader(api, session);
        this.sync = new SyncStatusViewModel(engine, store, background, ui);
        this.learning = new LearningClient(api, session);
        this.playback = new PlaybackClient(api, session);
        this.quizzes = new QuizClient(api, session);
        this.certificates = new CertificateClient(api, session);
        this.catalog = new CatalogClient(api, session);
        this.wallet = new WalletClient(api, session);
        this.background = background;
        this.ui = ui;
        this.downloads = openDownloads(settings, new Downloads.Clients(catalog, learning, playback, quizzes));
    }

    private static Downloads openDownloads(DesktopSettings settings, Downloads.Clients clients) {
        try {
            Downloads d = new Downloads(DownloadIndex.open(settings.dataDir().resolve("downloads.db")),
                    SealedFiles.open(settings.dataDir().resolve("downloads.key")), settings.downloadFolder(),
                    () -> settings.downloadQuotaGb() * 1_000_000_000L, clients);
            d.resumeUnfinished();
            return d;
        } catch (java.io.IOException | IllegalStateException e) {
            return null; // downloads are off; the rest of the app works
        }
    }

    public Parent createView() {
        frame();
        Timeline every = new Timeline(new KeyFrame(Duration.minutes(1), e -> sync.syncNow()));
        every.setCycleCount(Animation.INDEFINITE);
        every.play();
        sync.syncNow();
        catalogButton.setSelected(true);
        showCatalog();
        return root;
    }

    /** After the language changed: the frame and screens again, in the new language, back on Settings. */
    private void relabel(String said) {
        nav.getToggles().clear();
        catalogScreen = null;
        frame();
        sync.syncNow();
        showSettings().message().set(said);
    }

    private SettingsViewModel showSettings() {
        SettingsViewModel model = new SettingsViewModel(settings).onLanguageChanged(this::relabel);
        settingsButton.setSelected(true);
        show(new SettingsView(model).createView());
        return model;
    }

    /** The navigation on the left and the status bar at the bottom. */
    private void frame() {
        Label brand = new Label("Lectern");
        brand.getStyleClass().addAll(Styles.TITLE_3, Styles.ACCENT);
        catalogButton = navButton(tr("shell.nav.catalog"), "nav-catalog", this::showCatalog);
        learningButton = navButton(tr("shell.nav.learning"), "nav-learning", this::showMyLearning);
        walletButton = navButton(tr("shell.nav.wallet"), "nav-wallet", this::showWallet);
        ToggleButton certificatesButton = navButton(tr("shell.nav.certificates"), "nav-certificates", () -> show(
                new CertificatesView(new CertificatesViewModel(certificates, background, ui)).createView()));
        ToggleButton syncButton = navButton(tr("shell.nav.sync"), "nav-sync", () -> show(new SyncView(sync).createView()));
        settingsButton = navButton(tr("shell.nav.settings"), "nav-settings", this::showSettings);
        ToggleButton downloadsButton = navButton(tr("shell.nav.downloads"), "nav-downloads", () -> show(downloads == null
                ? new Label(tr("shell.downloads.unavailable"))
                : new DownloadsView(new DownloadsViewModel(downloads, settings.downloadQuotaGb() * 1_000_000_000L,
                background, ui), this::openLesson).createView()));
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        Label user = new Label(home.user().displayName());
        user.getStyleClass().add(Styles.TEXT_BOLD);
        Button signOut = new Button(tr("shell.signOut"));
        signOut.setId("sign-out");
        signOut.getStyleClass().add(Styles.FLAT);
        signOut.disableProperty().bind(home.busy());
        signOut.setOnAction(e -> home.signOut());
        VBox side = new VBox(8, brand, catalogButton, learningButton, certificatesButton, walletButton,
                downloadsButton, syncButton, settingsButton, gap, user, signOut);
        side.setPadding(new Insets(20, 12, 20, 12));
        side.setPrefWidth(180);
        side.setAlignment(Pos.TOP_LEFT);
        side.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-muted; "
                + "-fx-border-width: 0 1 0 0;");
        root.setLeft(side);
        Label status = new Label();
        status.setId("status-bar");
        status.textProperty().bind(sync.status());
        status.getStyleClass().add(Styles.TEXT_SMALL);
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.setStyle("-fx-border-color: -color-border-muted; -fx-border-width: 1 0 0 0;");
        root.setBottom(bar);
    }

    /** Shows a screen; a lesson being left stops its video first (it would otherwise play on unseen). */
    private void show(javafx.scene.Node screen) {
        Runnable leave = leaving;
        leaving = () -> { };
        leave.run();
        root.setCenter(screen);
    }

    private ToggleButton navButton(String text, String id, Runnable show) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add(Styles.FLAT);
        b.setOnAction(e -> {
            b.setSelected(true);
            show.run();
        });
        return b;
    }

    private void showCatalog() {
        if (catalogScreen == null) {
            catalogScreen = new CatalogView(new CatalogViewModel(catalog, background, ui).withThumbnails(
                    new io.lectern.desktop.core.catalog.Thumbnails(playback, java.time.Clock.systemUTC())),
                    c -> showCourse(c.slug())).createView();
        }
        catalogButton.setSelected(true);
        show(catalogScreen);
    }

    private void showCourse(String slug) {
        CourseViewModel course = new CourseViewModel(catalog, background, ui).withDownloads(downloads)
                .withWallet(wallet);
        show(new CourseView(course, this::showCatalog, this::showWallet).withReviews(new ReviewsViewModel(catalog,
                background, ui)).createView());
        course.load(slug);
    }

    private void showMyLearning() {
        learningButton.setSelected(true);
        show(new MyLearningView(new MyLearningViewModel(learning, background, ui),
                item -> openLesson(item.nextLesson())).createView());
    }

    private void openLesson(java.util.UUID lessonId) {
        LessonViewModel lesson = new LessonViewModel(learning, engine, sync::syncNow, id -> downloads == null
                ? java.util.Optional.empty() : downloads.lesson(id), background, ui).withDownloads(downloads);
        LessonPane pane = new LessonPane(lesson, this::showMyLearning, () -> new VideoViewModel(playback, engine,
                this::downloadedFile, background, ui).withNotes(notes), () -> new QuizViewModel(quizzes, background, ui)
                .withOffline(engine, quiz -> downloads == null ? java.util.Optional.empty() : downloads.quiz(quiz),
                        sync::syncNow),
                this::openPdf, this::openNext).withAssignments(() -> new AssignmentViewModel(assignments,
                uploader, background, ui)).withOutline(new OutlineViewModel(catalog, learning, background, ui),
                this::openLesson);
        show(pane.createView());
        leaving = pane::close;
        lesson.load(lessonId);
    }

    private java.util.Optional<SealedFiles.Reader> downloadedFile(java.util.UUID lessonId) throws java.io.IOException {
        return downloads == null ? java.util.Optional.empty() : downloads.open(lessonId);
    }

    /** A PDF lesson's pages: from its download when there is one (decrypted in memory), else from the server. */
    private PdfViewModel openPdf(java.util.UUID lessonId, java.util.UUID mediaId) {
        PdfViewModel pdf = new PdfViewModel(engine, sync::syncNow, background, ui);
        pdf.open(lessonId, () -> {
            var local = downloadedFile(lessonId);
            if (local.isPresent()) {
                try (SealedFiles.Reader r = local.get()) {
                    return r.readAll();
                }
            }
            return playback.file(mediaId);
        });
        return pdf;
    }

    /**
     * Sends what was done (so a prerequisite just finished counts), then opens the lesson after this one in the
     * syllabus; without one (the last lesson, or no syllabus offline) the lesson the server says comes next, or My
     * learning when none is left.
     */
    private void openNext(java.util.UUID courseId, java.util.UUID following) {
        background.execute(() -> {
            engine.sync();
            java.util.UUID next = following;
            try {
                next = next != null ? next : learning.progress(courseId).nextLessonId();
            } catch (io.lectern.desktop.core.api.ApiError | io.lectern.desktop.core.api.ServerUnreachableException
                     | io.lectern.desktop.core.auth.SessionEndedException offline) {
                // without the server the next lesson is not known: back to My learning
            }
            java.util.UUID chosen = next;
            ui.execute(() -> {
                if (chosen == null) {
                    showMyLearning();
                } else {
                    openLesson(chosen);
                }
            });
        });
    }

    private void showWallet() {
        walletButton.setSelected(true);
        show(new WalletView(new WalletViewModel(wallet, background, ui)).createView());
    }
}
