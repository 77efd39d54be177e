package io.lectern.server.learning.internal.progress;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Per-student progress in a course, for its staff and admins (JSON and CSV). */
public final class InstructorProgress {

    /**
     * One student's line.
     *
     * @param userId            student
     * @param name              display name
     * @param percent           required lessons completed, in percent
     * @param completedRequired required lessons completed
     * @param timeSpentSec      study time
     * @param lastAccessedAt    last activity
     */
    public record Student(UUID userId, String name, int percent, int completedRequired, long timeSpentSec,
                          Instant lastAccessedAt) {
    }

    private final Database db;
    private final CatalogService catalog;
    private final IdentityService identity;
    private final ProgressStore store;

    public InstructorProgress(Database db, CatalogService catalog, IdentityService identity, ProgressStore store) {
        this.db = db;
        this.catalog = catalog;
        this.identity = identity;
        this.store = store;
    }

    public List<Student> students(Principal p, UUID courseId) {
        var course = catalog.offer(courseId).orElseThrow(() -> ApiException.notFound("This course"));
        if (!p.isAdmin() && !course.isStaff(p.userId())) {
            throw new ApiException(403, "auth.forbidden", "Only this course's instructors see its students' progress.");
        }
        Set<UUID> required = catalog.lessons(courseId).stream().filter(LessonFacts::required)
                .map(LessonFacts::lessonId).collect(Collectors.toSet());
        return store.learnerTotals(db.execute(), courseId, required).stream().map(t -> new Student(t.userId(),
                identity.findById(t.userId()).map(u -> u.displayName()).orElse("(deleted account)"),
                required.isEmpty() ? 0 : t.done() * 100 / required.size(), t.done(), t.spentSec(), t.lastAccessed()))
                .toList();
    }

    public static String csv(List<Student> students) {
        StringBuilder b = new StringBuilder("student_id,name,percent,completed_required,time_spent_sec,last_accessed\n");
        for (Student s : students) {
            b.append(s.userId()).append(',').append(quote(s.name())).append(',').append(s.percent()).append(',')
                    .append(s.completedRequired()).append(',').append(s.timeSpentSec()).append(',')
                    .append(s.lastAccessedAt() == null ? "" : s.lastAccessedAt()).append('\n');
        }
        return b.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
    static String quote(String v) {
        String safe = v.matches("^[=+\\-@].*") ? "'" + v : v;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
