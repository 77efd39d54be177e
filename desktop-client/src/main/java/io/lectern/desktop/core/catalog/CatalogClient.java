package io.lectern.desktop.core.catalog;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.catalog.CourseSearchResult;
import io.lectern.model.commerce.EnrollRequest;
import io.lectern.model.commerce.Enrollment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The catalog as the learner app uses it: search with filters and pages, course pages, enrollment. */
public final class CatalogClient {

    private final ApiClient api;
    private final Session session;

    public CatalogClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    /**
     * One page of search results.
     *
     * @param text   what the learner typed (may be blank: browse)
     * @param filter extra query parameters such as {@code level=beginner} or {@code price=free}, or blank
     * @param sort   relevance, newest, rating, popularity, price_asc … or blank
     * @param cursor the previous page's {@code nextCursor}, or null for the first page
     */
    public CourseSearchResult search(String text, String filter, String sort, String cursor)
            throws ApiError, ServerUnreachableException, SessionEndedException {
        StringBuilder path = new StringBuilder("/api/v1/courses?limit=24");
        if (text != null && !text.isBlank()) {
            path.append("&q=").append(encode(text.strip()));
        }
        if (filter != null && !filter.isBlank()) {
            path.append('&').append(filter);
        }
        if (sort != null && !sort.isBlank()) {
            path.append("&sort=").append(encode(sort));
        }
        if (cursor != null) {
            path.append("&cursor=").append(encode(cursor));
        }
        return session.call(token -> api.get(path.toString(), CourseSearchResult.class, token));
    }

    public CourseDetail course(String idOrSlug) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/courses/" + encode(idOrSlug), CourseDetail.class, token));
    }

    /** A page of a course's reviews. */
    public record Reviews(java.util.List<io.lectern.model.catalog.ReviewView> items, String nextCursor) {
    }

    /** The newest reviews of a course (anyone may read them). */
    public Reviews reviews(UUID courseId) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/courses/" + courseId + "/reviews?limit=20", Reviews.class, token));
    }

    /** Posts (or, for a second time, is refused) the caller's review of a course they are enrolled in. */
    public io.lectern.model.catalog.ReviewView review(UUID courseId, int rating, String body)
            throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.post("/api/v1/courses/" + courseId + "/reviews",
                new io.lectern.model.catalog.ReviewInput(rating, body), io.lectern.model.catalog.ReviewView.class,
                token));
    }

    /** Enrolls; the same {@code idempotencyKey} on a retry never charges twice. */
    public Enrollment enroll(UUID courseId, String coupon, String idempotencyKey)
            throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.post("/api/v1/courses/" + courseId + "/enroll",
                new EnrollRequest(coupon == null || coupon.isBlank() ? null : coupon.strip()), Enrollment.class, token,
                Map.of("Idempotency-Key", idempotencyKey)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
