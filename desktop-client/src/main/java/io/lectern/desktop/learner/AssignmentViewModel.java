package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.i18n.Messages;
import io.lectern.desktop.core.learning.AssignmentClient;
import io.lectern.desktop.core.upload.Uploader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An assignment: instructions, due date in the assignment's zone and the late policy; a written answer and files
 * uploaded with a progress bar each (resumable, checked by the server); submit; earlier submissions with their
 * state, and the grade and feedback once released.
 */
public final class AssignmentViewModel {

    /** A file being attached: its progress, then its media id (or why it failed). */
    public static final class Attachment {
        private final Path file;
        private final DoubleProperty progress = new SimpleDoubleProperty(0);
        private final StringProperty status = new SimpleStringProperty(tr("assignment.file.waiting"));
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile UUID mediaId;
        private volatile boolean failed;

        Attachment(Path file) {
            this.file = file;
        }

        public String name() {
            return file.getFileName().toString();
        }

        public DoubleProperty progress() {
            return progress;
        }

        public StringProperty status() {
            return status;
        }

        public boolean ready() {
            return mediaId != null;
        }
    }

    private final AssignmentClient assignments;
    private final Uploader uploader;
    private final Executor background;
    private final Executor ui;
    private final StringProperty instructions = new SimpleStringProperty("");
    private final StringProperty due = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty allowText = new SimpleBooleanProperty(true);
    private final BooleanProperty allowFiles = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<Attachment> attachments = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private UUID lessonId;
    private String fallbackInstructions = "";

    public AssignmentViewModel(AssignmentClient assignments, Uploader uploader, Executor background, Executor ui) {
        this.assignments = assignments;
        this.uploader = uploader;
        this.background = background;
        this.ui = ui;
    }

    public StringProperty instructions() {
        return instructions;
    }

    /** "Due 5 December 2026, 23:59 (Europe/Berlin) · late work loses 10 %". */
    public StringProperty due() {
        return due;
    }

    public StringProperty answer() {
        return answer;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty allowText() {
        return allowText;
    }

    public BooleanProperty allowFiles() {
        return allowFiles;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ObservableList<Attachment> attachments() {
        return attachments;
    }

    /** Earlier submissions in words, newest first. */
    public ObservableList<String> history() {
        return history;
    }

    /** Loads (or reloads) the assignment. */
    public void load(UUID lesson) {
        load(lesson, fallbackInstructions);
    }

    /** Loads the assignment; {@code lessonInstructions} show when the assignment itself has none. */
    public void load(UUID lesson, String lessonInstructions) {
        fallbackInstructions = lessonInstructions == null ? "" : lessonInstructions;
        lessonId = lesson;
        message.set(tr("assignment.opening"));
        call(() -> assignments.assignment(lesson), this::show);
    }

    /** Uploads a file at once (its bar fills); Submit sends it once it is ready. */
    public void attach(Path file) {
        Attachment a = new Attachment(file);
        attachments.add(a);
        background.execute(() -> {
            try {
                long size = Files.size(file);
                UUID id = uploader.upload(file, "SUBMISSION", sent -> ui.execute(() -> {
                    a.progress.set(size == 0 ? 1 : (double) sent / size);
                    a.status.set(tr("assignment.file.uploading", size == 0 ? 100L : sent * 100 / size));
                }), a.cancelled::get);
                a.mediaId = id;
                ui.execute(() -> {
                    a.progress.set(1);
                    a.status.set(tr("assignment.file.ready"));
                });
            } catch (ApiError | SessionEndedException | IOException e) {
                ui.execute(() -> notAttached(a, tr("assignment.file.failed", e.getMessage())));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> notAttached(a, tr("assignment.file.offline")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void notAttached(Attachment a, String why) {
        a.failed = true;
        a.status.set(why);
    }

    public void remove(Attachment a) {
        a.cancelled.set(true);
        attachments.remove(a);
    }

    public void submit() {
        if (busy.get() || lessonId == null) {
            return;
        }
        if (attachments.stream().anyMatch(a -> !a.ready() && !a.failed)) {
            message.set(tr("assignment.wait"));
            return;
        }
        List<UUID> files = new ArrayList<>();
        attachments.stream().filter(Attachment::ready).forEach(a -> files.add(a.mediaId));
        String text = answer.get();
        busy.set(true);
        message.set(tr("assignment.submitting"));
        call(() -> assignments.submit(lessonId, text, files), submitted -> {
            answer.set("");
            attachments.clear();
            message.set(tr(submitted.path("late").asBoolean() ? "assignment.submitted.late" : "assignment.submitted"));
            busy.set(false);
            call(() -> assignments.assignment(lessonId), this::showHistory);
        });
    }

    private void show(JsonNode a) {
        String own = io.lectern.desktop.core.text.MarkdownText.plain(a.path("instructions").asText(""));
        instructions.set(own.isBlank() ? fallbackInstructions : own);
        allowText.set(a.path("allowText").asBoolean(true));
        allowFiles.set(a.path("allowFiles").asBoolean(true));
        String dueText = a.hasNonNull("dueLocal") ? tr("assignment.due", a.path("dueLocal").asText().replace('T', ' '),
                a.path("timeZone").asText()) : tr("assignment.due.none");
        due.set(dueText + switch (a.path("latePolicy").asText("")) {
            case "REJECT" -> " \u00b7 " + tr("assignment.late.reject");
            case "PENALTY" -> " \u00b7 " + tr("assignment.late.penalty", a.path("latePenaltyPercent").asInt());
            default -> "";
        } + " \u00b7 " + tr("assignment.max", a.path("maxSubmissions").asInt(1)));
        if (a.hasNonNull("draft") && answer.get().isBlank()) {
            answer.set(a.path("draft").path("text").asText(""));
        }
        showHistory(a);
        message.set("");
    }

    private void showHistory(JsonNode a) {
        List<String> lines = new ArrayList<>();
        for (JsonNode s : a.path("submissions")) {
            String which = tr(s.path("late").asBoolean() ? "assignment.history.submission.late"
                    : "assignment.history.submission", s.path("number").asInt());
            String feedback = s.path("feedback").asText("");
            String line = switch (s.path("status").asText()) {
                case "RELEASED" -> feedback.isBlank()
                        ? tr("assignment.history.graded", which, number(s.path("points").asDouble()),
                                number(s.path("maxPoints").asDouble()))
                        : tr("assignment.history.graded.feedback", which, number(s.path("points").asDouble()),
                                number(s.path("maxPoints").asDouble()), feedback);
                default -> tr("assignment.history.waiting", which);
            };
            lines.addFirst(line);
        }
        history.setAll(lines);
    }

    /** Points in the language's style: whole numbers as they are, others to one decimal (half up). */
    private static String number(double d) {
        boolean whole = d == Math.rint(d);
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        f.setGroupingUsed(false);
        f.setMinimumFractionDigits(whole ? 0 : 1);
        f.setMaximumFractionDigits(whole ? 0 : 1);
        return f.format(whole ? BigDecimal.valueOf((long) d) : BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP));
    }

    private interface Call {
        JsonNode run() throws ApiError, ServerUnreachableException, SessionEndedException;
    }

    private void call(Call call, java.util.function.Consumer<JsonNode> then) {
        background.execute(() -> {
            try {
                JsonNode r = call.run();
                ui.execute(() -> then.accept(r));
            } catch (ApiError | SessionEndedException e) {
                ui.execute(() -> {
                    busy.set(false);
                    message.set(e.getMessage());
                });
            } catch (ServerUnreachableException e) {
                ui.execute(() -> {
                    busy.set(false);
                    message.set(tr("assignment.offline"));
                });
            }
        });
    }
}
