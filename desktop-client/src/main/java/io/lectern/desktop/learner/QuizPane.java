package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.model.learning.AttemptView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** A quiz attempt: one question at a time with its answer control, navigation, the timer, submit, the result. */
public final class QuizPane {

    private final QuizViewModel model;
    private final VBox question = new VBox(10);

    public QuizPane(QuizViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label counter = new Label();
        Label timer = new Label();
        timer.setId("quiz-timer");
        timer.getStyleClass().add(Styles.WARNING);
        timer.textProperty().bind(model.timeLeft());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, counter, gap, timer);
        Button previous = new Button(tr("quiz.previous"));
        previous.setOnAction(e -> model.previous());
        Button next = new Button(tr("quiz.next"));
        next.setId("quiz-next");
        next.setOnAction(e -> model.next());
        Button submit = new Button(tr("quiz.submit"));
        submit.setId("quiz-submit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setOnAction(e -> model.submit());
        submit.disableProperty().bind(model.finished());
        HBox nav = new HBox(10, previous, next, submit);
        nav.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("quiz-message");
        message.textProperty().bind(model.message());
        Label result = new Label();
        result.setId("quiz-result");
        result.getStyleClass().add(Styles.TITLE_4);
        result.setWrapText(true);
        result.textProperty().bind(model.result());
        Runnable render = () -> {
            AttemptView a = model.attempt().get();
            if (a == null || a.questions().isEmpty()) {
                return;
            }
            counter.setText(tr("quiz.position", model.index().get() + 1, a.questions().size()));
            question.getChildren().setAll(model.finished().get() ? feedback(a) : ask(model.current()));
            previous.setDisable(model.index().get() == 0 || model.finished().get());
            next.setDisable(model.index().get() >= a.questions().size() - 1 || model.finished().get());
        };
        model.attempt().addListener((obs, old, a) -> render.run());
        model.index().addListener((obs, old, i) -> render.run());
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(Instant.now())));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        VBox root = new VBox(14, top, question, nav, message, result);
        root.setPadding(new Insets(8, 0, 0, 0));
        return root;
    }

    private List<Node> ask(AttemptView.Question q) {
        List<Node> nodes = new ArrayList<>();
        Label prompt = new Label(q.prompt());
        prompt.setWrapText(true);
        prompt.getStyleClass().add(Styles.TITLE_4);
        nodes.add(prompt);
        Object given = model.answer(q.id());
        switch (q.type()) {
            case "SINGLE", "TRUE_FALSE" -> {
                ToggleGroup group = new ToggleGroup();
                List<AttemptView.Choice> choices = q.type().equals("SINGLE") ? q.options()
                        : List.of(new AttemptView.Choice("true", tr("quiz.true")),
                                new AttemptView.Choice("false", tr("quiz.false")));
                for (AttemptView.Choice c : choices) {
                    RadioButton r = new RadioButton(c.text());
                    r.setToggleGroup(group);
                    r.setSelected(String.valueOf(given).equals(c.id()));
                    r.setOnAction(e -> model.answer(q.id(), q.type().equals("SINGLE") ? c.id()
                            : Boolean.valueOf(c.id())));
                    nodes.add(r);
                }
            }
            case "MULTIPLE" -> nodes.addAll(multiple(q, given));
            case "ESSAY" -> {
                TextArea text = new TextArea(given == null ? "" : String.valueOf(given));
                text.setWrapText(true);
                text.focusedProperty().addListener((obs, was, now) -> {
                    if (!now) {
                        model.answer(q.id(), text.getText());
                    }
                });
                nodes.add(text);
            }
            default -> {
                TextField text = new TextField(given == null ? "" : String.valueOf(given));
                text.setOnAction(e -> model.answer(q.id(), value(q, text.getText())));
                text.focusedProperty().addListener((obs, was, now) -> {
                    if (!now) {
                        model.answer(q.id(), value(q, text.getText()));
                    }
                });
                nodes.add(text);
            }
        }
        return nodes;
    }

    private List<Node> multiple(AttemptView.Question q, Object given) {
        List<Node> nodes = new ArrayList<>();
        List<String> chosen = new ArrayList<>(given instanceof List<?> l ? l.stream().map(String::valueOf)
                .toList() : List.of());
        for (AttemptView.Choice c : q.options()) {
            CheckBox box = new CheckBox(c.text());
            box.setSelected(chosen.contains(c.id()));
            box.setOnAction(e -> {
                if (box.isSelected()) {
                    chosen.add(c.id());
                } else {
                    chosen.remove(c.id());
                }
                model.answer(q.id(), List.copyOf(chosen));
            });
            nodes.add(box);
        }
        return nodes;
    }

    private static Object value(AttemptView.Question q, String text) {
        if (!q.type().equals("NUMERIC")) {
            return text;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static List<Node> feedback(AttemptView a) {
        List<Node> nodes = new ArrayList<>();
        if (a.result() == null || a.result().feedback() == null) {
            return nodes;
        }
        for (AttemptView.Feedback f : a.result().feedback()) {
            String prompt = a.questions().stream().filter(q -> q.id().equals(f.questionId())).findFirst()
                    .map(AttemptView.Question::prompt).orElse("");
            String text = tr("quiz.feedback.line", prompt, f.points() == null ? tr("quiz.feedback.ungraded")
                    : tr("quiz.feedback.points", f.points(), f.maxPoints()));
            if (f.correctAnswer() != null) {
                text = tr("quiz.feedback.withAnswer", text, String.valueOf(f.correctAnswer()));
            }
            if (f.comment() != null) {
                text = tr("quiz.feedback.withComment", text, f.comment());
            }
            Label line = new Label((Boolean.TRUE.equals(f.correct()) ? "\u2714 " : "\u2718 ") + text);
            line.setWrapText(true);
            nodes.add(line);
        }
        return nodes;
    }
}
