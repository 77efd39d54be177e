package io.lectern.server.learning.internal.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbExecute;
import io.lectern.model.learning.AttemptView;
import io.lectern.model.learning.QuizInput;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quiz authoring (course staff) and what learners may see of a quiz; the essay grading queue.
 */
public final class Quizzes {

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final CatalogService catalog;
    private final QuizStore store;
    private final Attempts attempts;
    private final AttemptViews views;

    public Quizzes(Database database, Clock clock, Ids ids, CatalogService catalog, QuizStore store, Attempts attempts) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.catalog = catalog;
        this.store = store;
        this.attempts = attempts;
        this.views = new AttemptViews(clock);
    }

    Map<String, Object> create(Principal p, UUID courseId, QuizInput in) {
        requireStaff(p, courseId);
        List<Question> questions = QuizRules.questions(in, ids);
        UUID id = ids.next();
        database.doInTransaction(tx -> store.insert(tx, id, courseId, in, questions, p.userId(),
                clock.instant()));
        return staffView(store.quiz(database.execute(), id).orElseThrow());
    }

    /** Staff see everything; learners see the settings, the number of questions and their own attempts. */
    Map<String, Object> view(Principal p, UUID quizId) {
        QuizStore.Quiz quiz = store.quiz(database.execute(), quizId)
                .orElseThrow(() -> ApiException.notFound("This quiz"));
        if (catalog.isDraftStaff(p, quiz.courseId())) {
            return staffView(quiz);
        }
        if (!catalog.mayStudy(p, quiz.courseId())) {
            throw new ApiException(403, "lesson.enrollment_required", "Enroll in this course to take its quizzes.");
        }
        Map<String, Object> v = settings(quiz);
        v.put("questionCount", quiz.questions().size());
        v.put("attempts", store.attempts(database.execute(), quizId, p.userId()).stream()
                .map(a -> attempts.view(p, a.id())).toList());
        return v;
    }

    /**
     * An untimed quiz's questions (no answers, no shuffle) for a learner to take offline; the attempt arrives later
     * through the sync and is graded then. Timed quizzes are taken online only, where the server keeps the time.
     */
    AttemptView offlineCopy(Principal p, UUID quizId) {
        QuizStore.Quiz quiz = store.quiz(database.execute(), quizId)
                .orElseThrow(() -> ApiException.notFound("This quiz"));
        if (!catalog.isDraftStaff(p, quiz.courseId()) && !catalog.mayStudy(p, quiz.courseId())) {
            throw new ApiException(403, "lesson.enrollment_required", "Enroll in this course to take its quizzes.");
        }
        if (quiz.settings().timeLimitSec() != null) {
            throw new ApiException(409, "quiz.timed", "Timed quizzes are taken online, where the server keeps the "
                    + "time; this one cannot be downloaded.");
        }
        List<AttemptView.Question> questions = quiz.questions().stream().map(q -> new AttemptView.Question(q.id(),
                q.type(), q.prompt(), q.points(), q.options().isEmpty() ? null : q.options().stream()
                .map(c -> new AttemptView.Choice(c.id(), c.text())).toList())).toList();
        return new AttemptView(null, quiz.id(), 0, "OFFLINE", null, null, null, false, questions, Map.of(), null);
    }

    /** Attempts with essays awaiting a grade, for the course's staff. */
    List<AttemptView> gradingQueue(Principal p, UUID courseId) {
        requireStaff(p, courseId);
        return store.awaitingReview(database.execute(), courseId).stream()
                .map(a -> views.of(attempts.quiz(database.execute(), a), a)).toList();
    }

    /** Grades the essays of an attempt ({questionId: {points, comment}}) and finishes it. */
    AttemptView gradeEssays(Principal p, UUID attemptId, JsonNode grades) {
        return database.inTransaction(tx -> {
            QuizStore.Attempt a = store.attempt(tx, attemptId, true).orElseThrow(() -> ApiException.notFound(
                    "This attempt"));
            QuizStore.Quiz quiz = attempts.quiz(tx, a);
            requireStaff(tx, p, quiz.courseId());
            if (!a.status().equals("AWAITING_REVIEW")) {
                throw new ApiException(409, "attempt.not_awaiting_review", "This attempt has nothing left to grade.");
            }
            var merged = a.grades().deepCopy();
            for (Question q : quiz.questions()) {
                JsonNode g = grades == null ? null : grades.get(q.id().toString());
                if (q.type().equals("ESSAY")) {
                    if (g == null || !g.path("points").isNumber() || g.path("points").asDouble() < 0
                            || g.path("points").asDouble() > q.points()) {
                        throw new ApiException(400, "attempt.grade_invalid", "Give each essay points from 0 to "
                                + q.points() + ".").with("questionId", q.id().toString());
                    }
                    merged.putObject(q.id().toString()).put("points", g.path("points").asDouble())
                            .put("comment", g.path("comment").asText(""));
                }
            }
            attempts.grade(tx, new QuizStore.Attempt(a.id(), a.quizId(), a.userId(), a.number(), a.status(),
                    a.startedAt(), a.deadline(), a.submittedAt(), a.autoSubmitted(), a.layout(), a.answers(), merged,
                    a.score(), a.maxScore(), a.passed()), a.submittedAt(), false);
            QuizStore.Attempt done = store.attempt(tx, attemptId, false).orElseThrow();
            return views.of(quiz, done);
        });
    }

    private Map<String, Object> staffView(QuizStore.Quiz quiz) {
        Map<String, Object> v = settings(quiz);
        v.put("questions", quiz.questions());
        return v;
    }

    private static Map<String, Object> settings(QuizStore.Quiz quiz) {
        Map<String, Object> v = new LinkedHashMap<>();
        QuizInput s = quiz.settings();
        v.put("id", quiz.id());
        v.put("courseId", quiz.courseId());
        v.put("title", s.title());
        v.put("timeLimitSec", s.timeLimitSec());
        v.put("maxAttempts", s.maxAttempts());
        v.put("passingPercent", quiz.passingPercent());
        v.put("feedback", s.feedback());
        v.put("showAnswers", s.showAnswers());
        v.put("dueAt", s.dueAt());
        return v;
    }

    private void requireStaff(Principal p, UUID courseId) {
        requireStaff(database.execute(), p, courseId);
    }

    private void requireStaff(DbExecute db, Principal p, UUID courseId) {
        catalog.requireCourseStaff(db, p, courseId, "Only this course's instructors manage its quizzes.");
    }
}
