package io.lectern.desktop.core.learning;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.learning.AttemptView;
import java.util.Map;
import java.util.UUID;

/** Quizzes: the quiz's settings, starting (or resuming) an attempt, saving answers, submitting. */
public final class QuizClient {

    private final ApiClient api;
    private final Session session;

    public QuizClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    public JsonNode quiz(UUID quizId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/quizzes/" + quizId, JsonNode.class, token));
    }

    /** An untimed quiz's questions to take offline (409 {@code quiz.timed} for timed ones). */
    public AttemptView offlineCopy(UUID quizId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/quizzes/" + quizId + "/offline", AttemptView.class, token));
    }

    public AttemptView start(UUID quizId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.post("/api/v1/quizzes/" + quizId + "/attempts", Map.of(), AttemptView.class,
                token));
    }

    public AttemptView save(UUID attemptId, Map<String, Object> answers)
            throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.put("/api/v1/attempts/" + attemptId + "/answers", Map.of("answers", answers),
                AttemptView.class, token));
    }

    public AttemptView attempt(UUID attemptId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/attempts/" + attemptId, AttemptView.class, token));
    }

    public AttemptView submit(UUID attemptId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.post("/api/v1/attempts/" + attemptId + "/submit", Map.of(), AttemptView.class,
                token));
    }
}
