package io.lectern.server.learning.internal.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.model.learning.AttemptView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a learner sees of an attempt: never the answers before grading; feedback as the quiz's timing allows. */
final class AttemptViews {

    private final Clock clock;
    AttemptViews(Clock clock) {
        this.clock = clock;
    }

    AttemptView of(QuizStore.Quiz quiz, QuizStore.Attempt a) {
        Map<String, Question> byId = new LinkedHashMap<>();
        quiz.questions().forEach(q -> byId.put(q.id().toString(), q));
        List<AttemptView.Question> questions = new ArrayList<>();
        for (JsonNode id : a.layout().path("questions")) {
            Question q = byId.get(id.asText());
            if (q == null) {
                continue;
            }
            List<AttemptView.Choice> choices = null;
            if (!q.options().isEmpty()) {
                Map<String, String> text = new LinkedHashMap<>();
                q.options().forEach(c -> text.put(c.id(), c.text()));
                choices = new ArrayList<>();
                for (JsonNode c : a.layout().path("options").path(id.asText())) {
                    choices.add(new AttemptView.Choice(c.asText(), text.get(c.asText())));
                }
            }
            questions.add(new AttemptView.Question(q.id(), q.type(), q.prompt(), q.points(), choices));
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        a.answers().properties().forEach(e -> answers.put(e.getKey(), e.getValue()));
        return new AttemptView(a.id(), a.quizId(), a.number(), a.status(), a.startedAt(), a.deadline(), a.submittedAt(),
                a.autoSubmitted(), questions, answers, result(quiz, a));
    }

    private AttemptView.Result result(QuizStore.Quiz quiz, QuizStore.Attempt a) {
        if (a.status().equals("IN_PROGRESS") || a.score() == null) {
            return null;
        }
        String timing = quiz.settings().feedback();
        boolean show = "IMMEDIATE".equals(timing) || ("AFTER_DUE".equals(timing) && quiz.settings().dueAt() != null
                && clock.instant().isAfter(quiz.settings().dueAt()));
        List<AttemptView.Feedback> feedback = null;
        if (show) {
            feedback = new ArrayList<>();
            for (Question q : quiz.questions()) {
                JsonNode g = a.grades().get(q.id().toString());
                Double pts = g == null ? null : g.path("points").asDouble();
                Boolean correct = pts == null ? null : pts >= q.points();
                feedback.add(new AttemptView.Feedback(q.id(), pts, q.points(), correct,
                        Boolean.TRUE.equals(quiz.settings().showAnswers()) ? answer(q) : null,
                        g == null || !g.has("comment") ? null : g.path("comment").asText()));
            }
        }
        double max = a.maxScore() == null ? 0 : a.maxScore();
        int percent = max == 0 ? 100 : (int) Math.floor(a.score() * 100 / max);
        return new AttemptView.Result(a.score(), max, percent, Boolean.TRUE.equals(a.passed()), feedback);
    }

    private Object answer(Question q) {
        return switch (q.type()) {
            case "SINGLE" -> Grader.correctIds(q).stream().findFirst().orElse(null);
            case "MULTIPLE" -> Grader.correctIds(q).stream().sorted().toList();
            case "TRUE_FALSE" -> q.correct();
            case "FILL_BLANK" -> q.accepted();
            case "NUMERIC" -> q.numeric();
            default -> null;
        };
    }
}
