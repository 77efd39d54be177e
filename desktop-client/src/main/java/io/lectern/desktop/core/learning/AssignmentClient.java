package io.lectern.desktop.core.learning;

import com.fasterxml.jackson.databind.JsonNode;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.learning.SubmissionInput;
import java.util.List;
import java.util.UUID;

/** An assignment as its learner sees it (instructions, due date, past submissions with released grades); submit. */
public final class AssignmentClient {

    private final ApiClient api;
    private final Session session;

    public AssignmentClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    public JsonNode assignment(UUID lessonId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/assignments/" + lessonId, JsonNode.class, token));
    }

    public JsonNode submit(UUID lessonId, String text, List<UUID> files)
            throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.post("/api/v1/assignments/" + lessonId + "/submissions",
                new SubmissionInput(text == null || text.isBlank() ? null : text, files), JsonNode.class, token));
    }
}
