package io.lectern.server.learning.internal.quiz;

import io.lectern.model.learning.QuestionInput;
import io.lectern.model.learning.QuizInput;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a quiz as written and gives its questions and choices their ids. */
final class QuizRules {

    static final Set<String> TYPES = Set.of("SINGLE", "MULTIPLE", "TRUE_FALSE", "FILL_BLANK", "NUMERIC", "ESSAY");
    static final int MAX_QUESTIONS = 200;

    private QuizRules() {
    }

    static List<Question> questions(QuizInput in, Ids ids) {
        Validation v = new Validation().required("title", in.title()).maxLength("title", in.title(), 200)
                .check(in.timeLimitSec() == null || (in.timeLimitSec() >= 10 && in.timeLimitSec() <= 86_400),
                        "timeLimitSec", "range", "timeLimitSec must be between 10 seconds and a day.")
                .check(in.maxAttempts() == null || (in.maxAttempts() >= 1 && in.maxAttempts() <= 100), "maxAttempts",
                        "range", "maxAttempts must be between 1 and 100.")
                .check(in.passingPercent() == null || (in.passingPercent() >= 0 && in.passingPercent() <= 100),
                        "passingPercent", "range", "passingPercent must be between 0 and 100.")
                .check(in.feedback() == null || Set.of("IMMEDIATE", "AFTER_DUE", "NEVER").contains(in.feedback()),
                        "feedback", "one_of", "feedback is IMMEDIATE, AFTER_DUE or NEVER.")
                .check(!"AFTER_DUE".equals(in.feedback()) || in.dueAt() != null, "dueAt", "required",
                        "AFTER_DUE feedback needs a due date.")
                .check(in.questions() != null && !in.questions().isEmpty() && in.questions().size() <= MAX_QUESTIONS,
                        "questions", "size", "A quiz has 1 to " + MAX_QUESTIONS + " questions.");
        List<Question> out = new ArrayList<>();
        List<QuestionInput> qs = in.questions() == null ? List.of() : in.questions();
        for (int i = 0; i < qs.size(); i++) {
            Question q = question(v, "questions[" + i + "]", qs.get(i), ids);
            if (q != null) {
                out.add(q);
            }
        }
        v.throwIfInvalid();
        return out;
    }

    private static Question question(Validation v, String f, QuestionInput q, Ids ids) {
        if (q == null || q.type() == null || !TYPES.contains(q.type())) {
            v.check(false, f + ".type", "one_of", "type is one of " + String.join(", ", TYPES.stream().sorted()
                    .toList()) + ".");
            return null;
        }
        v.required(f + ".prompt", q.prompt()).maxLength(f + ".prompt", q.prompt(), 5_000)
                .check(q.points() == null || (q.points() >= 0 && q.points() <= 100), f + ".points", "range",
                        "points must be between 0 and 100.");
        List<Question.Choice> choices = new ArrayList<>();
        switch (q.type()) {
            case "SINGLE", "MULTIPLE" -> {
                List<QuestionInput.Option> opts = q.options() == null ? List.of() : q.options();
                long right = opts.stream().filter(o -> o != null && Boolean.TRUE.equals(o.correct())).count();
                v.check(opts.size() >= 2 && opts.size() <= 20, f + ".options", "size", "Give 2 to 20 options.")
                        .check(q.type().equals("SINGLE") ? right == 1 : right >= 1, f + ".options", "correct",
                                q.type().equals("SINGLE") ? "Mark exactly one option correct."
                                        : "Mark at least one option correct.");
                for (int i = 0; i < opts.size(); i++) {
                    QuestionInput.Option o = opts.get(i);
                    v.check(o != null && o.text() != null && !o.text().isBlank(), f + ".options[" + i + "].text",
                            "required", "Each option needs its text.");
                    choices.add(new Question.Choice("o" + (i + 1), o == null ? "" : o.text(),
                            o != null && Boolean.TRUE.equals(o.correct())));
                }
            }
            case "TRUE_FALSE" -> v.required(f + ".correct", q.correct());
            case "FILL_BLANK" -> v.check(q.acceptedAnswers() != null && !q.acceptedAnswers().isEmpty()
                    && q.acceptedAnswers().stream().allMatch(a -> a != null && !a.isBlank()), f + ".acceptedAnswers",
                    "required", "Give at least one accepted answer.");
            case "NUMERIC" -> v.required(f + ".numericAnswer", q.numericAnswer())
                    .check(q.tolerance() == null || q.tolerance() >= 0, f + ".tolerance", "min",
                            "tolerance cannot be negative.");
            default -> { }
        }
        return new Question(ids.next(), q.type(), q.prompt(), q.points() == null ? 1 : q.points(), choices,
                q.correct(), q.acceptedAnswers() == null ? List.of() : q.acceptedAnswers(),
                Boolean.TRUE.equals(q.caseSensitive()), q.numericAnswer(), q.tolerance() == null ? 0 : q.tolerance(),
                Boolean.TRUE.equals(q.partialCredit()));
    }
}
