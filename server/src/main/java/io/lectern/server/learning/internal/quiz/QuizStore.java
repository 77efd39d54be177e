package io.lectern.server.learning.internal.quiz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.learning.QuizInput;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of quizzes and attempts; questions, layouts, answers and grades travel as JSON. */
public final class QuizStore {

    /**
     * A stored quiz.
     *
     * @param id        id
     * @param courseId  course
     * @param settings  the settings as written (questions left out)
     * @param questions questions with answers
     */
    record Quiz(UUID id, UUID courseId, QuizInput settings, List<Question> questions) {

        int passingPercent() {
            return settings.passingPercent() == null ? 70 : settings.passingPercent();
        }
    }

    /**
     * A stored attempt.
     *
     * @param id            id
     * @param quizId        quiz
     * @param userId        learner
     * @param number        attempt number
     * @param status        status
     * @param startedAt     start
     * @param deadline      deadline
     * @param submittedAt   submission
     * @param autoSubmitted submitted by the deadline job
     * @param layout        {questions: [ids], options: {questionId: [choice ids]}}
     * @param answers       answers by question id
     * @param grades        {questionId: {points, comment}}
     * @param score         score
     * @param maxScore      max score
     * @param passed        passed
     */
    record Attempt(UUID id, UUID quizId, UUID userId, int number, String status, Instant startedAt, Instant deadline,
                   Instant submittedAt, boolean autoSubmitted, JsonNode layout, ObjectNode answers, ObjectNode grades,
                   Double score, Double maxScore, Boolean passed) {
    }

    private final ObjectMapper json;

    public QuizStore(ObjectMapper json) {
        this.json = json;
    }

    void insert(DbExecute tx, UUID id, UUID courseId, QuizInput in, List<Question> questions, UUID by, Instant now) {
        tx.insert("""
                INSERT INTO learning.quizzes (id, course_id, title, time_limit_sec, max_attempts, passing_percent,
                       shuffle_questions, shuffle_options, feedback, show_answers, due_at, questions, created_by,
                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", id, courseId, in.title(),
                in.timeLimitSec(), in.maxAttempts(), in.passingPercent() == null ? 70 : in.passingPercent(),
                Boolean.TRUE.equals(in.shuffleQuestions()), Boolean.TRUE.equals(in.shuffleOptions()),
                in.feedback() == null ? "IMMEDIATE" : in.feedback(), in.showAnswers() == null || in.showAnswers(),
                Rows.param(in.dueAt()), write(questions), by, Rows.param(now), Rows.param(now));
    }

    Optional<Quiz> quiz(DbExecute db, UUID id) {
        return db.get("SELECT * FROM learning.quizzes WHERE id = ?", id).map(this::quiz);
    }

    void insertAttempt(DbExecute tx, Attempt a) {
        tx.insert("""
                INSERT INTO learning.attempts (id, quiz_id, user_id, number, status, started_at, deadline, layout)
                VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?::jsonb)""", a.id(), a.quizId(), a.userId(), a.number(),
                Rows.param(a.startedAt()), Rows.param(a.deadline()), write(a.layout()));
    }

    /** An attempt taken offline, stored already closed (grading follows in the same transaction). */
    void insertOffline(DbExecute tx, Attempt a) {
        tx.insert("""
                INSERT INTO learning.attempts (id, quiz_id, user_id, number, status, started_at, layout, answers)
                VALUES (?, ?, ?, ?, 'AWAITING_REVIEW', ?, ?::jsonb, ?::jsonb)""", a.id(), a.quizId(), a.userId(),
                a.number(), Rows.param(a.startedAt()), write(a.layout()), write(a.answers()));
    }

    Optional<Attempt> attempt(DbExecute db, UUID id, boolean lock) {
        return db.get("SELECT * FROM learning.attempts WHERE id = ?" + (lock ? " FOR UPDATE" : ""), id)
                .map(this::attempt);
    }

    List<Attempt> attempts(DbExecute db, UUID quizId, UUID userId) {
        try (var rows = db.query("SELECT * FROM learning.attempts WHERE quiz_id = ? AND user_id = ? ORDER BY number",
                quizId, userId)) {
            return rows.map(this::attempt).toList();
        }
    }

    List<UUID> overdue(DbExecute db, Instant now) {
        try (var rows = db.query("SELECT id FROM learning.attempts WHERE status = 'IN_PROGRESS' AND deadline < ? "
                + "ORDER BY deadline LIMIT 500", Rows.param(now))) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    List<Attempt> awaitingReview(DbExecute db, UUID courseId) {
        try (var rows = db.query("SELECT a.* FROM learning.attempts a JOIN learning.quizzes q ON q.id = a.quiz_id "
                + "WHERE q.course_id = ? AND a.status = 'AWAITING_REVIEW' ORDER BY a.submitted_at", courseId)) {
            return rows.map(this::attempt).toList();
        }
    }

    void saveAnswers(DbExecute tx, UUID id, ObjectNode answers) {
        tx.update("UPDATE learning.attempts SET answers = ?::jsonb WHERE id = ?", write(answers), id);
    }

    void finish(DbExecute tx, UUID id, String status, Instant submittedAt, boolean auto, ObjectNode grades, double score,
                double max, boolean passed) {
        tx.update("""
                UPDATE learning.attempts SET status = ?, submitted_at = coalesce(submitted_at, ?),
                       auto_submitted = auto_submitted OR ?, grades = ?::jsonb, score = ?, max_score = ?, passed = ?
                 WHERE id = ?""", status, Rows.param(submittedAt), auto, write(grades), score, max, passed, id);
    }

    private Quiz quiz(DbRow r) {
        QuizInput settings = new QuizInput(Rows.text(r, "title"), Rows.integer(r, "time_limit_sec"),
                Rows.integer(r, "max_attempts"), Rows.integer(r, "passing_percent"), Rows.flag(r, "shuffle_questions"),
                Rows.flag(r, "shuffle_options"), Rows.text(r, "feedback"), Rows.flag(r, "show_answers"),
                Rows.instant(r, "due_at"), null);
        return new Quiz(Rows.uuid(r, "id"), Rows.uuid(r, "course_id"), settings, read(Rows.text(r, "questions"),
                new TypeReference<>() { }));
    }

    private Attempt attempt(DbRow r) {
        Object score = Rows.value(r, "score");
        Object max = Rows.value(r, "max_score");
        Object passed = Rows.value(r, "passed");
        return new Attempt(Rows.uuid(r, "id"), Rows.uuid(r, "quiz_id"), Rows.uuid(r, "user_id"),
                Rows.integer(r, "number"), Rows.text(r, "status"), Rows.instant(r, "started_at"),
                Rows.instant(r, "deadline"), Rows.instant(r, "submitted_at"), Rows.flag(r, "auto_submitted"),
                read(Rows.text(r, "layout"), new TypeReference<JsonNode>() { }),
                read(Rows.text(r, "answers"), new TypeReference<ObjectNode>() { }),
                read(Rows.text(r, "grades"), new TypeReference<ObjectNode>() { }),
                score == null ? null : ((Number) score).doubleValue(), max == null ? null : ((Number) max).doubleValue(),
                passed == null ? null : (Boolean) passed);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of a course's quizzes, oldest first. */
    public List<UUID> idsOfCourse(DbExecute db, UUID courseId) {
        try (var rows = db.query("SELECT id FROM learning.quizzes WHERE course_id = ? ORDER BY created_at, id", courseId)) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    /**
     * Copies quizzes with their questions and settings into another course, each under its new id.
     *
     * @param copies each original quiz's id to its copy's
     */
    public void copyToCourse(DbExecute tx, UUID to, Map<UUID, UUID> copies, Instant now) {
        var at = Rows.param(now);
        tx.insert("""
                INSERT INTO learning.quizzes (id, course_id, title, time_limit_sec, max_attempts, passing_percent,
                       shuffle_questions, shuffle_options, feedback, show_answers, due_at, questions, created_by,
                       created_at, updated_at)
                SELECT m.copy, ?, q.title, q.time_limit_sec, q.max_attempts, q.passing_percent, q.shuffle_questions,
                       q.shuffle_options, q.feedback, q.show_answers, q.due_at, q.questions, q.created_by, ?, ?
                  FROM learning.quizzes q JOIN unnest(?::uuid[], ?::uuid[]) AS m(original, copy) ON q.id = m.original""",
                to, at, at, Rows.uuidArray(copies.keySet()), Rows.uuidArray(copies.values()));
    }

    /** A learner's quiz attempts with their answers and grades, for their data export. */
    public List<Map<String, Object>> exportAttempts(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT id, quiz_id, number, status, started_at, submitted_at, "
                + "answers::text AS answers, grades::text AS grades, score, max_score, passed FROM learning.attempts "
                + "WHERE user_id = ? ORDER BY started_at", userId);
    }

    /** The quizzes a person wrote, for their data export. */
    public List<Map<String, Object>> exportWrittenBy(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT id, course_id, title, created_at FROM learning.quizzes "
                + "WHERE created_by = ? ORDER BY created_at", userId);
    }

    /** Deletes a learner's quiz attempts (account deletion). */
    public void eraseAttempts(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM learning.attempts WHERE user_id = ?", userId);
    }
}
