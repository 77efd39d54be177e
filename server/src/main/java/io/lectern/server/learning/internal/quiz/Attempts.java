package io.lectern.server.learning.internal.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.learning.AttemptView;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncResult;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.learning.QuizGraded;
import io.lectern.server.learning.internal.progress.Progress;
import io.lectern.server.learning.internal.progress.ProgressBatch;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The attempt lifecycle: start (the server sets the deadline and this attempt's question and option order), save
 * answers (refused after the deadline), submit (graded at once; essays wait for a person), and the deadline job
 * that submits what was saved when time runs out. A passed quiz completes its lesson.
 */
public final class Attempts {

    private final Database database;
    private final Clock clock;
    private final Ids idGen;
    private final EventBus events;
    private final CatalogService catalog;
    private final QuizStore store;
    private final Progress progress;
    private final AttemptViews views;
    private final ObjectMapper json;

    public Attempts(Database database, Clock clock, Ids idGen, Json jsonIo, EventBus events, CatalogService catalog,
             QuizStore store, Progress progress) {
        this.database = database;
        this.clock = clock;
        this.idGen = idGen;
        this.events = events;
        this.catalog = catalog;
        this.store = store;
        this.progress = progress;
        this.json = jsonIo.objectMapper();
        this.views = new AttemptViews(clock);
    }

    AttemptView start(Principal p, UUID quizId) {
        QuizStore.Quiz quiz = store.quiz(database.execute(), quizId)
                .orElseThrow(() -> ApiException.notFound("This quiz"));
        requireLearner(p, quiz);
        List<QuizStore.Attempt> previous = store.attempts(database.execute(), quizId, p.userId());
        var open = previous.stream().filter(a -> a.status().equals("IN_PROGRESS")).findFirst();
        if (open.isPresent()) {
            return views.of(quiz, open.get()); // resuming keeps the deadline
        }
        Integer max = quiz.settings().maxAttempts();
        if (max != null && previous.size() >= max) {
            throw new ApiException(409, "quiz.attempts_exhausted", "You have used all " + max + " attempts of this "
                    + "quiz.").with("maxAttempts", max);
        }
        Instant now = clock.instant();
        Integer limit = quiz.settings().timeLimitSec();
        QuizStore.Attempt a = new QuizStore.Attempt(idGen.next(), quizId, p.userId(), previous.size() + 1,
                "IN_PROGRESS", now, limit == null ? null : now.plusSeconds(limit), null, false, layout(quiz),
                json.createObjectNode(), json.createObjectNode(), null, null, null);
        try {
            database.doInTransaction(tx -> store.insertAttempt(tx, a));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e, "attempts_one_open") || SqlErrors.isUniqueViolation(e, null)) {
                return start(p, quizId); // a concurrent start won; resume it
            }
            throw e;
        }
        return views.of(quiz, a);
    }

    /** This attempt's order of questions and options (shuffled when the quiz says so). */
    private JsonNode layout(QuizStore.Quiz quiz) {
        Random random = new Random();
        List<Question> order = new ArrayList<>(quiz.questions());
        if (Boolean.TRUE.equals(quiz.settings().shuffleQuestions())) {
            Collections.shuffle(order, random);
        }
        ObjectNode layout = json.createObjectNode();
        ArrayNode ids = layout.putArray("questions");
        ObjectNode options = layout.putObject("options");
        for (Question q : order) {
            ids.add(q.id().toString());
            List<String> choiceIds = new ArrayList<>(q.options().stream().map(Question.Choice::id).toList());
            if (Boolean.TRUE.equals(quiz.settings().shuffleOptions())) {
                Collections.shuffle(choiceIds, random);
            }
            ArrayNode arr = options.putArray(q.id().toString());
            choiceIds.forEach(arr::add);
        }
        return layout;
    }

    AttemptView view(Principal p, UUID attemptId) {
        QuizStore.Attempt a = owned(p, attemptId);
        return views.of(quiz(database.execute(), a), a);
    }

    AttemptView save(Principal p, UUID attemptId, JsonNode answers) {
        if (answers == null || !answers.isObject()) {
            throw new ApiException(400, "request.invalid", "Send answers as {questionId: answer}.");
        }
        return database.inTransaction(tx -> {
            QuizStore.Attempt a = ownedLocked(tx, p, attemptId);
            requireOpen(a);
            ObjectNode merged = a.answers().deepCopy();
            List<String> inAttempt = new ArrayList<>();
            a.layout().path("questions").forEach(q -> inAttempt.add(q.asText()));
            answers.fieldNames().forEachRemaining(id -> {
                if (!inAttempt.contains(id)) {
                    throw new ApiException(400, "attempt.unknown_question", "Question " + id + " is not in this "
                            + "attempt.").with("questionId", id);
                }
                merged.set(id, answers.get(id));
            });
            store.saveAnswers(tx, attemptId, merged);
            return views.of(quiz(tx, a), store.attempt(tx, attemptId, false).orElseThrow());
        });
    }

    AttemptView submit(Principal p, UUID attemptId) {
        return database.inTransaction(tx -> {
            QuizStore.Attempt a = ownedLocked(tx, p, attemptId);
            requireOpen(a);
            grade(tx, a, clock.instant(), false);
            QuizStore.Attempt done = store.attempt(tx, attemptId, false).orElseThrow();
            return views.of(quiz(tx, done), done);
        });
    }

    /**
     * Appends an attempt taken offline (untimed quizzes only) and grades it; returns the reason when it cannot be
     * taken: unknown quiz, not enrolled, timed, attempts used up.
     */
    public Optional<SyncResult.Rejected> offline(DbTransaction tx, UUID userId, SyncEvent.QuizAttempt e,
                                                 Predicate<UUID> mayStudy) {
        QuizStore.Quiz quiz = e.quizId() == null ? null : store.quiz(tx, e.quizId()).orElse(null);
        if (quiz == null) {
            return reject(e, "sync.unknown_quiz", "This quiz is no longer in the course.");
        }
        if (!mayStudy.test(quiz.courseId())) {
            return reject(e, "lesson.enrollment_required", "You are not enrolled in this quiz's course any more.");
        }
        if (quiz.settings().timeLimitSec() != null) {
            return reject(e, "quiz.timed", "Timed quizzes are taken online, where the server keeps the time; your "
                    + "answers were not graded.");
        }
        List<QuizStore.Attempt> previous = store.attempts(tx, quiz.id(), userId);
        Integer max = quiz.settings().maxAttempts();
        if (max != null && previous.size() >= max) {
            return reject(e, "quiz.attempts_exhausted", "All " + max + " attempts of this quiz were used; this one "
                    + "was not counted.");
        }
        ObjectNode answers = json.createObjectNode();
        Set<String> ids = new HashSet<>();
        quiz.questions().forEach(q -> ids.add(q.id().toString()));
        if (e.answers() != null) {
            e.answers().forEach((k, v) -> {
                if (ids.contains(k)) {
                    answers.set(k, json.valueToTree(v));
                }
            });
        }
        ObjectNode layout = json.createObjectNode();
        ArrayNode order = layout.putArray("questions");
        quiz.questions().forEach(q -> order.add(q.id().toString()));
        QuizStore.Attempt a = new QuizStore.Attempt(idGen.next(), quiz.id(), userId, previous.size() + 1,
                "AWAITING_REVIEW", e.startedAt() == null ? e.clientTime() : e.startedAt(), null, null, false, layout,
                answers, json.createObjectNode(), null, null, null);
        store.insertOffline(tx, a);
        grade(tx, a, e.clientTime(), false);
        return Optional.empty();
    }

    private static Optional<SyncResult.Rejected> reject(SyncEvent e, String code, String reason) {
        return Optional.of(new SyncResult.Rejected(e.id(), code, reason));
    }

    /** Submits, with the answers saved so far, every attempt whose deadline has passed (a job every few seconds). */
    public int submitOverdue() {
        int n = 0;
        for (UUID id : store.overdue(database.execute(), clock.instant())) {
            n += database.inTransaction(tx -> store.attempt(tx, id, true).filter(a -> a.status()
                    .equals("IN_PROGRESS")).map(a -> {
                        grade(tx, a, a.deadline(), true);
                        return 1;
                    }).orElse(0));
        }
        return n;
    }

    /** Grades what can be graded; essays leave it awaiting review. */
    void grade(DbTransaction tx, QuizStore.Attempt a, Instant submittedAt, boolean auto) {
        QuizStore.Quiz quiz = quiz(tx, a);
        ObjectNode grades = a.grades().deepCopy();
        double score = 0;
        double max = 0;
        boolean pending = false;
        for (Question q : quiz.questions()) {
            max += q.points();
            Double pts = grades.has(q.id().toString())
                    ? Double.valueOf(grades.path(q.id().toString()).path("points").asDouble())
                    : Grader.points(q, a.answers().get(q.id().toString()));
            if (pts == null) {
                pending = true;
                continue;
            }
            String key = q.id().toString();
            (grades.get(key) instanceof ObjectNode g ? g : grades.putObject(key)).put("points", pts);
            score += pts;
        }
        int percent = max == 0 ? 100 : (int) Math.floor(score * 100 / max);
        boolean passed = !pending && percent >= quiz.passingPercent();
        store.finish(tx, a.id(), pending ? "AWAITING_REVIEW" : "GRADED", submittedAt, auto, grades, score, max, passed);
        if (!pending) {
            events.publish(tx, new QuizGraded(a.userId(), quiz.id(), a.id(), percent, passed));
        }
        if (passed) {
            completeLesson(tx, a.userId(), quiz, submittedAt);
        }
    }

    private void completeLesson(DbTransaction tx, UUID userId, QuizStore.Quiz quiz, Instant at) {
        ProgressBatch batch = new ProgressBatch(userId);
        catalog.lessons(tx, quiz.courseId()).stream().filter(l -> quiz.id().equals(l.quizId()))
                .forEach(l -> batch.complete(l, at));
        progress.applyInTransaction(tx, batch);
    }

    private void requireOpen(QuizStore.Attempt a) {
        if (!a.status().equals("IN_PROGRESS")) {
            throw new ApiException(409, "attempt.submitted", "This attempt was already submitted.");
        }
        if (a.deadline() != null && clock.instant().isAfter(a.deadline())) {
            throw new ApiException(409, "attempt.deadline_passed", "Time is up: the answers saved before the deadline "
                    + "are submitted for you.").with("deadline", a.deadline().toString());
        }
    }

    private void requireLearner(Principal p, QuizStore.Quiz quiz) {
        if (!catalog.mayStudy(p, quiz.courseId())) {
            throw new ApiException(403, "lesson.enrollment_required", "Enroll in this course to take its quizzes.");
        }
        catalog.lessons(quiz.courseId()).stream().filter(l -> quiz.id().equals(l.quizId())).findFirst()
                .map(LessonFacts::lessonId).ifPresent(lesson -> catalog.requireLessonAccess(p, lesson));
    }

    private QuizStore.Attempt owned(Principal p, UUID id) {
        return store.attempt(database.execute(), id, false).filter(a -> a.userId().equals(p.userId()))
                .orElseThrow(() -> ApiException.notFound("This attempt"));
    }

    private QuizStore.Attempt ownedLocked(DbTransaction tx, Principal p, UUID id) {
        return store.attempt(tx, id, true).filter(a -> a.userId().equals(p.userId()))
                .orElseThrow(() -> ApiException.notFound("This attempt"));
    }

    /** The attempt's quiz, read with {@code db}: the caller's transaction when it has one. */
    QuizStore.Quiz quiz(io.helidon.dbclient.DbExecute db, QuizStore.Attempt a) {
        return store.quiz(db, a.quizId()).orElseThrow();
    }
}
