package io.lectern.server.learning.internal.progress;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.db.Rows;
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

    public InstructorProgress(Database db, CatalogService catalog, IdentityService identity) {
        this.db = db;
        this.catalog = catalog;
        this.identity = identity;
    }

    public List<Student> students(Principal p, UUID courseId) {
        var course = catalog.offer(courseId).orElseThrow(() -> ApiException.notFound("This course"));
        if (!p.isAdmin() && !course.isStaff(p.userId())) {
            throw new ApiException(403, "auth.forbidden", "Only this course's instructors see its students' progress.");
        }
        Set<UUID> required = catalog.lessons(courseId).stream().filter(LessonFacts::required)
                .map(LessonFacts::lessonId).collect(Collectors.toSet());
        String[] ids = required.stream().map(UUID::toString).toArray(String[]::new);
        try (var rows = db.execute().query("""
                SELECT user_id, count(*) FILTER (WHERE completed_at IS NOT NULL AND lesson_id = ANY(?::uuid[])) AS done,
                       sum(time_spent_sec) AS spent, max(last_accessed) AS last
                  FROM learning.lesson_progress WHERE course_id = ? GROUP BY user_id ORDER BY max(last_accessed) DESC
                 LIMIT 5000""", ids, courseId)) {
            return rows.map(r -> {
                UUID user = Rows.uuid(r, "user_id");
                int done = (int) Rows.number(r, "done");
                return new Student(user, identity.findById(user).map(u -> u.displayName()).orElse("(deleted account)"),
                        required.isEmpty() ? 0 : done * 100 / required.size(), done, Rows.number(r, "spent"),
                        Rows.instant(r, "last"));
            }).toList();
        }
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
