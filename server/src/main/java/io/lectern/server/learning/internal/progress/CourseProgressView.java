package io.lectern.server.learning.internal.progress;

import io.lectern.model.learning.CourseProgress;
import io.lectern.model.learning.LessonProgress;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A learner's course progress: every published lesson in order with its state (locked ones say so), the
 * percentage over required lessons only (lessons removed by a republish drop out), study time, the streak and the
 * next lesson to take.
 */
public final class CourseProgressView {

    private final Database db;
    private final Clock clock;
    private final CatalogService catalog;
    private final ProgressStore store;

    public CourseProgressView(Database db, Clock clock, CatalogService catalog, ProgressStore store) {
        this.db = db;
        this.clock = clock;
        this.catalog = catalog;
        this.store = store;
    }

    public CourseProgress of(Principal p, UUID courseId, ZoneId zone) {
        List<LessonFacts> lessons = catalog.lessons(courseId);
        if (lessons.isEmpty()) {
            throw ApiException.notFound("This course");
        }
        if (!catalog.mayStudy(p, courseId)) {
            throw new ApiException(403, "lesson.enrollment_required", "Enroll in this course to see your progress.");
        }
        return build(p.userId(), courseId, lessons, zone);
    }

    /** Percent of required lessons done in each course (the same figure {@link #of} gives), for lists of courses. */
    public Map<UUID, Integer> percents(UUID userId, java.util.Collection<UUID> courseIds) {
        Map<UUID, Set<UUID>> done = store.completedIn(db.execute(), userId, courseIds);
        Map<UUID, Integer> out = new java.util.HashMap<>();
        for (UUID course : courseIds) {
            Set<UUID> completed = done.getOrDefault(course, Set.of());
            if (completed.isEmpty()) {
                continue;
            }
            out.put(course, Completion.of(catalog.lessons(course), completed).percent());
        }
        return out;
    }

    CourseProgress build(UUID userId, UUID courseId, List<LessonFacts> lessons, ZoneId zone) {
        Map<UUID, LessonProgress> rows = store.ofCourse(db.execute(), userId, courseId).stream()
                .map(ProgressStore.Row::view).collect(Collectors.toMap(LessonProgress::lessonId, Function.identity()));
        Set<UUID> done = new HashSet<>();
        rows.values().stream().filter(r -> r.completedAt() != null).forEach(r -> done.add(r.lessonId()));
        List<LessonProgress> views = new ArrayList<>();
        UUID next = null;
        for (LessonFacts l : lessons) {
            boolean locked = !done.contains(l.lessonId()) && !done.containsAll(l.prerequisiteIds());
            LessonProgress row = rows.get(l.lessonId());
            views.add(row != null ? (locked ? withState(row, "LOCKED") : row)
                    : new LessonProgress(l.lessonId(), locked ? "LOCKED" : "NOT_STARTED", 0, 0, 0, null, null));
            if (l.required() && next == null && !done.contains(l.lessonId()) && !locked) {
                next = l.lessonId();
            }
        }
        long spent = rows.values().stream().mapToLong(LessonProgress::timeSpentSec).sum();
        Instant last = rows.values().stream().map(LessonProgress::lastAccessedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Completion completion = Completion.of(lessons, done);
        return new CourseProgress(courseId, completion.percent(), completion.done(), completion.required(), spent, last,
                streak(userId, zone), next, views);
    }

    /** How many of a course's required lessons are done: the course's percentage counts these only. */
    private record Completion(int done, int required) {

        static Completion of(List<LessonFacts> lessons, Set<UUID> completed) {
            List<LessonFacts> required = lessons.stream().filter(LessonFacts::required).toList();
            return new Completion((int) required.stream().filter(l -> completed.contains(l.lessonId())).count(),
                    required.size());
        }

        int percent() {
            return required == 0 ? 0 : done * 100 / required;
        }
    }

    private static LessonProgress withState(LessonProgress r, String state) {
        return new LessonProgress(r.lessonId(), state, r.positionSec(), r.watchedPercent(), r.timeSpentSec(),
                r.completedAt(), r.lastAccessedAt());
    }

    /** Consecutive days with study ending today, or yesterday (today is not over yet), in the learner's zone. */
    int streak(UUID userId, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Set<LocalDate> days = store.studyDays(db.execute(), userId,
                today.minusDays(400).atStartOfDay(zone).toInstant(), zone);
        LocalDate day = days.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (days.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }
}
