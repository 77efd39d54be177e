package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.i18n.DateText;
import io.lectern.desktop.core.learning.QuizClient;
import io.lectern.desktop.core.offline.SyncEngine;
import io.lectern.model.learning.AttemptView;
import io.lectern.model.learning.SyncEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Taking a quiz: the attempt the server started (its deadline rules), one question at a time, every answer saved
 * as it is given, the time left counted down to the server's deadline, submission and the graded result with
 * feedback. When time runs out the server submits what was saved; the screen says so and shows the result.
 */
public final class QuizViewModel {

    private final QuizClient quizzes;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<AttemptView> attempt = new SimpleObjectProperty<>();
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final Map<String, Object> answers = new LinkedHashMap<>();
    private final BooleanProperty offline = new SimpleBooleanProperty(false);
    private SyncEngine sync;
    private Function<UUID, Optional<AttemptView>> downloaded = quiz -> Optional.empty();
    private Runnable syncNow = () -> { };
    private Instant startedOffline;

    public QuizViewModel(QuizClient quizzes, Executor background, Executor ui) {
        this.quizzes = quizzes;
        this.background = background;
        this.ui = ui;
    }

    /**
     * Lets a downloaded untimed quiz be taken without the server: the answers stay on this computer and the attempt
     * is queued for the sync, which grades it.
     */
    public QuizViewModel withOffline(SyncEngine engine, Function<UUID, Optional<AttemptView>> copies, Runnable now) {
        this.sync = engine;
        this.downloaded = copies;
        this.syncNow = now;
        return this;
    }

    /** Whether this attempt is being taken offline. */
    public BooleanProperty offline() {
        return offline;
    }

    public ObjectProperty<AttemptView> attempt() {
        return attempt;
    }

    public IntegerProperty index() {
        return index;
    }

    public StringProperty timeLeft() {
        return timeLeft;
    }

    public StringProperty message() {
        return message;
    }

    public StringProperty result() {
        return result;
    }

    public BooleanProperty finished() {
        return finished;
    }

    public AttemptView.Question current() {
        AttemptView a = attempt.get();
        return a == null || a.questions().isEmpty() ? null : a.questions().get(index.get());
    }

    public Object answer(UUID questionId) {
        return answers.get(questionId.toString());
    }

    public void start(UUID quizId) {
        message.set(tr("quiz.starting"));
        background.execute(() -> {
            try {
                AttemptView a = quizzes.start(quizId);
                ui.execute(() -> {
                    answers.putAll(a.answers());
                    show(a);
                });
            } catch (ServerUnreachableException e) {
                Optional<AttemptView> copy = sync == null ? Optional.empty() : downloaded.apply(quizId);
                ui.execute(() -> copy.ifPresentOrElse(this::startOffline, () -> message.set(tr("quiz.offlineMissing"))));
            } catch (ApiError | SessionEndedException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    private void startOffline(AttemptView copy) {
        offline.set(true);
        startedOffline = Instant.now();
        show(new AttemptView(null, copy.quizId(), 0, "IN_PROGRESS", startedOffline, null, null, false,
                copy.questions(), Map.of(), null));
        message.set(tr("quiz.offlineStarted"));
    }

    /** Records an answer and saves it at once (the server keeps what arrives before the deadline). */
    public void answer(UUID questionId, Object value) {
        AttemptView a = attempt.get();
        if (a == null || finished.get()) {
            return;
        }
        answers.put(questionId.toString(), value);
        if (offline.get()) {
            message.set(tr("quiz.keptLocally"));
            return;
        }
        Map<String, Object> one = Map.of(questionId.toString(), value);
        message.set(tr("quiz.saving"));
        call(() -> quizzes.save(a.id(), one), saved -> message.set(tr("quiz.saved")));
    }

    public void next() {
        AttemptView a = attempt.get();
        if (a != null && index.get() < a.questions().size() - 1) {
            index.set(index.get() + 1);
        }
    }

    public void previous() {
        if (index.get() > 0) {
            index.set(index.get() - 1);
        }
    }

    public void submit() {
        AttemptView a = attempt.get();
        if (a == null || finished.get()) {
            return;
        }
        if (offline.get()) {
            sync.record(new SyncEvent.QuizAttempt(UUID.randomUUID().toString(), Instant.now(), a.quizId(),
                    new LinkedHashMap<>(answers), startedOffline));
            finished.set(true);
            result.set(tr("quiz.submittedOffline"));
            message.set("");
            syncNow.run();
            return;
        }
        message.set(tr("quiz.submitting"));
        call(() -> quizzes.submit(a.id()), this::show);
    }

    /** The view calls this every second: time left to the server's deadline; at zero, fetch the result. */
    public void tick(Instant now) {
        AttemptView a = attempt.get();
        if (a == null || a.deadline() == null || finished.get()) {
            return;
        }
        long left = Math.max(0, Duration.between(now, a.deadline()).toSeconds());
        timeLeft.set(tr("quiz.timeLeft", DateText.clock(left)));
        if (left == 0 && !message.get().equals(tr("quiz.timeUp"))) {
            message.set(tr("quiz.timeUp"));
            call(() -> quizzes.attempt(a.id()), this::show);
        }
    }

    private void show(AttemptView a) {
        attempt.set(a);
        boolean done = !"IN_PROGRESS".equals(a.status());
        finished.set(done);
        if (!done) {
            message.set(a.deadline() == null ? "" : message.get().equals(tr("quiz.timeUp")) ? message.get() : "");
            return;
        }
        timeLeft.set("");
        if (a.result() == null) {
            result.set(tr("quiz.awaitsGrade"));
        } else {
            result.set(tr("quiz.result", a.result().passed() ? 1 : 0, oneDecimal(a.result().score()),
                    oneDecimal(a.result().maxScore()), a.result().percent(), a.autoSubmitted() ? 1 : 0));
        }
        message.set("");
    }

    /** Rounded as the points always were shown: one decimal, halves up. */
    private static java.math.BigDecimal oneDecimal(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private interface Call {
        AttemptView run() throws ApiError, ServerUnreachableException, SessionEndedException;
    }

    private void call(Call call, java.util.function.Consumer<AttemptView> then) {
        background.execute(() -> {
            try {
                AttemptView a = call.run();
                ui.execute(() -> then.accept(a));
            } catch (ApiError e) {
                ui.execute(() -> message.set(e.getMessage()));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> message.set(tr("quiz.notSaved")));
            } catch (SessionEndedException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }
}
