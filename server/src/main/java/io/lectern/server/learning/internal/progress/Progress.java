package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.learning.LessonProgress;
import io.lectern.model.learning.ProgressUpdate;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.learning.CourseCompleted;
import io.lectern.server.learning.LessonCompleted;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Online progress: heartbeats and "mark as done", applied through the same batch merge the offline sync uses;
 * completions publish {@link LessonCompleted} and, once per course, {@link CourseCompleted}.
 */
public final class Progress {

    private final Database database;
    private final Clock clock;
    private final EventBus events;
    private final CatalogService catalog;
    private final ProgressStore store;
    private final AppliedEventStore applied;

    private final BiFunction<DbExecute, UUID, Optional<Integer>> pageCounts;
    private final LearnerZones zones;
    private final WatchBudget budget;

    public Progress(Database database, Clock clock, EventBus events, CatalogService catalog, ProgressStore store,
                    AppliedEventStore applied,
                    BiFunction<DbExecute, UUID, Optional<Integer>> pageCounts, LearnerZones zones, WatchBudget budget) {
        this.database = database;
        this.clock = clock;
        this.events = events;
        this.budget = budget;
        this.zones = zones;
        this.pageCounts = pageCounts;
        this.catalog = catalog;
        this.store = store;
        this.applied = applied;
    }

    public LessonProgress heartbeat(Principal p, UUID lessonId, ProgressUpdate in) {
        LessonFacts studied = studied(p, lessonId);
        LessonFacts lesson = in.pagesViewed() == null ? studied : inPages(database.execute(), studied);
        var ranges = in.pagesViewed() == null ? Ranges.parse(in.watchedRanges(), lesson.durationSec())
                : Ranges.pages(in.pagesViewed(), lesson.durationSec());
        new Validation().check(ranges.isPresent(), in.pagesViewed() == null ? "watchedRanges" : "pagesViewed", "range",
                        in.pagesViewed() == null ? Ranges.RULE : "Pages are numbered from 1 to the PDF's page count.")
                .check(in.positionSec() == null || in.positionSec() >= 0, "positionSec", "min",
                        "positionSec cannot be negative.").maxLength("clientEventId", in.clientEventId(), 100)
                .throwIfInvalid();
        Instant at = in.clientTime() == null ? clock.instant() : in.clientTime();
        zones.remember(database.execute(), p.userId(), in.timeZone());
        ProgressBatch batch = new ProgressBatch(p.userId());
        batch.heartbeat(lesson, ranges.get(), in.positionSec(), in.spentSec() == null ? 0 : in.spentSec(), at);
        WatchBudget check = budget.forBatch();
        apply(p.userId(), in.clientEventId(), batch, tx -> check.require(tx, p.userId(), lesson, ranges.get(),
                clock.instant()));
        return lesson(p.userId(), lesson);
    }

    public LessonProgress complete(Principal p, UUID lessonId, String clientEventId, String timeZone) {
        LessonFacts lesson = studied(p, lessonId);
        if (!markable(lesson.type())) {
            throw new ApiException(409, "lesson.not_markable", switch (lesson.type()) {
                case VIDEO -> "A video counts as done once 90 % of it has been watched.";
                case QUIZ -> "A quiz counts as done once it is passed.";
                default -> "An assignment counts as done once it is submitted.";
            });
        }
        zones.remember(database.execute(), p.userId(), timeZone);
        ProgressBatch batch = new ProgressBatch(p.userId());
        batch.complete(lesson, clock.instant());
        apply(p.userId(), clientEventId, batch, tx -> { });
        return lesson(p.userId(), lesson);
    }

    public LearnerZones zones() {
        return zones;
    }

    /** The real-time limit on watched seconds, for one batch of heartbeats. */
    public WatchBudget watchBudget() {
        return budget.forBatch();
    }

    /** A PDF lesson measured in pages (its document's page count), so that viewing every page completes it. */
    public LessonFacts inPages(DbExecute db, LessonFacts lesson) {
        int pages = lesson.type() == LessonType.PDF && lesson.mediaId() != null
                ? pageCounts.apply(db, lesson.mediaId()).orElse(0) : 0;
        return lesson.withLength(pages);
    }

    /** Lessons a learner completes by marking them done (the rest complete by watching, passing or submitting). */
    public static boolean markable(LessonType type) {
        return type == LessonType.ARTICLE || type == LessonType.PDF || type == LessonType.EMBED
                || type == LessonType.LIVE;
    }

    private LessonFacts studied(Principal p, UUID lessonId) {
        LessonFacts lesson = catalog.lesson(lessonId).orElseThrow(() -> ApiException.notFound("This lesson"));
        catalog.requireLessonAccess(p, lessonId);
        return lesson;
    }

    private void apply(UUID userId, String clientEventId, ProgressBatch batch, Consumer<DbTransaction> check) {
        database.doInTransaction(tx -> {
            if (clientEventId != null && !applied.claim(tx, userId, List.of(clientEventId)).contains(clientEventId)) {
                return; // a repeat of a heartbeat already applied
            }
            check.accept(tx);
            applyInTransaction(tx, batch);
        });
    }

    /** Merges a batch and publishes what it completed; the caller owns the transaction. */
    public void applyInTransaction(DbTransaction tx, ProgressBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ProgressStore.Completion> done = store.merge(tx, batch, now);
        for (ProgressStore.Completion c : done) {
            events.publish(tx, new LessonCompleted(batch.userId(), c.courseId(), c.lessonId(),
                    c.completedAt()));
        }
        done.stream().map(ProgressStore.Completion::courseId).distinct().forEach(course -> completeCourse(tx,
                batch.userId(), course, now));
    }

    private void completeCourse(DbTransaction tx, UUID userId, UUID courseId, Instant now) {
        Set<UUID> required = catalog.lessons(tx, courseId).stream().filter(LessonFacts::required)
                .map(LessonFacts::lessonId).collect(Collectors.toSet());
        Set<UUID> completed = completedLessons(tx, userId, courseId);
        if (required.isEmpty() || !completed.containsAll(required)) {
            return;
        }
        boolean first = store.insertCompletion(tx, userId, courseId, now);
        if (first) {
            events.publish(tx, new CourseCompleted(userId, courseId, now));
        }
    }

    /** The lessons a learner completed in a course. */
    public Set<UUID> completedLessons(DbExecute db, UUID userId, UUID courseId) {
        return store.completedLessons(db, userId, courseId);
    }

    private LessonProgress lesson(UUID userId, LessonFacts lesson) {
        return store.ofCourse(database.execute(), userId, lesson.courseId()).stream()
                .filter(r -> r.view().lessonId().equals(lesson.lessonId())).findFirst().map(ProgressStore.Row::view)
                .orElse(new LessonProgress(lesson.lessonId(), "NOT_STARTED", 0, 0, 0, null, null));
    }
}
