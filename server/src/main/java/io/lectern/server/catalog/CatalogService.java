package io.lectern.server.catalog;

import io.lectern.model.catalog.CourseSummary;
import io.lectern.model.common.Page;
import io.lectern.server.catalog.internal.CourseRepository;
import io.lectern.server.platform.Platform;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The catalog module's facade: creating whole courses and reading the published catalog. */
public final class CatalogService {

    private final Platform platform;
    private final CourseRepository courses;

    public CatalogService(Platform platform, CourseRepository courses) {
        this.platform = platform;
        this.courses = courses;
    }

    /** Adds categories that do not exist yet (slug → name), keeping the given order. */
    public void ensureCategories(Map<String, String> categories) {
        platform.db().doInTransaction(tx -> courses.upsertCategories(tx, categories));
    }

    /** Creates a course with its outline in one transaction and publishes it. */
    public UUID createPublished(CourseDraft draft) {
        return platform.db().inTransaction(tx -> {
            UUID id = platform.ids().next();
            Instant now = platform.clock().instant();
            courses.insertCourse(tx, id, draft, now, platform.ids());
            platform.events().publish(tx, new CoursePublished(id, draft.slug(), draft.title(), now));
            return id;
        });
    }

    public long publishedCount() {
        return courses.countPublished(platform.db().execute());
    }

    public Page<CourseSummary> published(int limit, String cursor) {
        return courses.published(platform.db().execute(), limit, cursor);
    }

    public Optional<CourseSummary> findPublished(String idOrSlug) {
        return courses.findPublished(platform.db().execute(), idOrSlug);
    }
}
