package io.lectern.desktop.core.learning;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.catalog.LessonView;
import io.lectern.model.commerce.Enrollment;
import io.lectern.model.learning.CourseProgress;
import java.util.List;
import java.util.UUID;

/** What the learner is studying: enrollments, course progress, lessons. */
public final class LearningClient {

    /** The learner's enrollments. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrollments(List<Enrollment> items) {
    }

    private final ApiClient api;
    private final Session session;

    public LearningClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    public List<Enrollment> enrollments() throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/me/enrollments", Enrollments.class, token)).items();
    }

    public CourseProgress progress(UUID courseId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/courses/" + courseId + "/progress?timeZone="
                + java.time.ZoneId.systemDefault().getId(), CourseProgress.class, token));
    }

    public LessonView lesson(UUID lessonId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/lessons/" + lessonId, LessonView.class, token));
    }
}
