package io.lectern.server.learning.internal.sync;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.lectern.model.learning.SyncEvent;
import io.lectern.model.learning.SyncRequest;
import io.lectern.model.learning.SyncResult;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.learning.internal.notes.NoteStore;
import io.lectern.server.learning.internal.progress.AppliedEventStore;
import io.lectern.server.learning.internal.progress.Progress;
import io.lectern.server.learning.internal.progress.ProgressBatch;
import io.lectern.server.learning.internal.progress.ProgressStore;
import io.lectern.server.learning.internal.progress.Ranges;
import io.lectern.server.learning.internal.progress.WatchBudget;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code POST /api/v1/sync}: a batch of offline events, in any order and possibly repeated, applied in one
 * transaction. Each event id applies once; bad events are listed as rejected with a reason and never stop the
 * good ones; watched ranges union, completion sticks, the latest position wins by client time, study time sums
 * distinct events, notes merge per note by client time with tombstones. The answer carries what changed on the
 * server since the client's cursor.
 */
public final class SyncService {

    static final int MAX_EVENTS = 20_000;
    /** A sync body may be up to 16 MiB (20,000 events with notes). */
    public static final int MAX_BYTES = 16 << 20;

    private final Database database;
    private final Clock time;
    private final CatalogService catalog;
    private final Progress progress;
    private final ProgressStore store;
    private final NoteStore notes;
    private final AppliedEventStore applied;

    /**
     * Offline work other parts of learning take: quiz attempts and assignment drafts.
     *
     * @param <E> the event type it takes
     */
    @FunctionalInterface
    public interface OfflineWork<E extends SyncEvent> {
        Optional<SyncResult.Rejected> apply(DbTransaction tx, UUID userId, E e, Predicate<UUID> mayStudy);
    }

    private final OfflineWork<SyncEvent.QuizAttempt> attempts;
    private final OfflineWork<SyncEvent.AssignmentDraft> drafts;

    public SyncService(Database database, Clock time, CatalogService catalog, Progress progress, ProgressStore store,
                       NoteStore notes, AppliedEventStore applied, OfflineWork<SyncEvent.QuizAttempt> attempts,
                       OfflineWork<SyncEvent.AssignmentDraft> drafts) {
        this.attempts = attempts;
        this.drafts = drafts;
        this.applied = applied;
        this.database = database;
        this.time = time;
        this.catalog = catalog;
        this.progress = progress;
        this.store = store;
        this.notes = notes;
    }

    public SyncResult sync(Principal p, SyncRequest in) {
        List<SyncEvent> events = in.events() == null ? List.of() : in.events();
        if (events.size() > MAX_EVENTS) {
            throw new ApiException(413, "sync.too_many", "Send at most " + MAX_EVENTS + " events per sync; send the "
                    + "rest in the next one.");
        }
        long cursor = cursor(in.cursor());
        progress.zones().remember(database.execute(), p.userId(), in.timeZone());
        EventChecks checks = new EventChecks(p, catalog, database.execute(), time.instant());
        Map<String, SyncEvent> unique = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<SyncResult.Rejected> rejected = new ArrayList<>();
        for (SyncEvent e : events) {
            Optional<SyncResult.Rejected> refusal = checks.refusal(e);
            if (refusal.isPresent()) {
                rejected.add(refusal.get());
            } else if (unique.putIfAbsent(e.id(), e) != null) {
                duplicates.add(e.id());
            }
        }
        List<String> appliedIds = new ArrayList<>();
        database.doInTransaction(tx -> {
            Set<String> fresh = applied.claim(tx, p.userId(), unique.keySet());
            ProgressBatch batch = new ProgressBatch(p.userId());
            WatchBudget budget = progress.watchBudget();
            List<SyncEvent.NoteEvent> noteEvents = new ArrayList<>();
            Predicate<UUID> mayStudy = course -> catalog.mayStudy(tx, p, course);
            for (SyncEvent e : unique.values()) {
                if (!fresh.contains(e.id())) {
                    duplicates.add(e.id());
                    continue;
                }
                appliedIds.add(e.id());
                switch (e) {
                    case SyncEvent.QuizAttempt q -> attempts.apply(tx, p.userId(), q, mayStudy).ifPresent(rejected::add);
                    case SyncEvent.AssignmentDraft d -> drafts.apply(tx, p.userId(), d, mayStudy).ifPresent(rejected::add);
                    case SyncEvent.Heartbeat h -> heartbeat(tx, budget, batch, checks.lesson(h.lessonId()), h, p.userId())
                            .ifPresent(rejected::add);
                    case SyncEvent.Complete c -> batch.complete(checks.lesson(c.lessonId()), c.clientTime());
                    case SyncEvent.NoteEvent n -> noteEvents.add(n);
                    case SyncEvent.Unknown u -> throw new IllegalStateException("refused by the checks: " + u.id());
                }
            }
            progress.applyInTransaction(tx, batch);
            rejected.addAll(notes.merge(tx, p.userId(), noteEvents, lessonId -> checks.lesson(tx, lessonId)));
            Set<String> refused = new HashSet<>();
            rejected.forEach(r -> refused.add(r.id()));
            appliedIds.removeIf(refused::contains);
        });
        List<ProgressStore.Row> rows = store.since(database.execute(), p.userId(), cursor);
        List<SyncResult.SyncedProgress> changed = rows.stream()
                .map(r -> new SyncResult.SyncedProgress(r.courseId(), r.view())).toList();
        var changedNotes = notes.since(database.execute(), p.userId(), cursor);
        long next = Math.max(cursor, Math.max(rows.stream().mapToLong(ProgressStore.Row::change).max().orElse(cursor),
                changedNotes.maxChange()));
        return new SyncResult(appliedIds, duplicates, rejected, changed, changedNotes.notes(), Long.toString(next));
    }

    /** Adds a heartbeat: watched seconds of a video, or viewed pages of a PDF (counted in the PDF's pages). */
    private Optional<SyncResult.Rejected> heartbeat(DbTransaction tx, WatchBudget budget, ProgressBatch batch,
                                                    LessonFacts lesson, SyncEvent.Heartbeat e, UUID userId) {
        LessonFacts measured = e.pagesViewed() == null ? lesson
                : progress.inPages(tx, lesson); // the PDF's pages, from media
        var ranges = e.pagesViewed() == null ? Ranges.parse(e.watchedRanges(), measured.durationSec())
                : Ranges.pages(e.pagesViewed(), measured.durationSec());
        if (ranges.isEmpty()) {
            return Optional.of(new SyncResult.Rejected(e.id(), "sync.bad_pages", "These pages are not in the PDF."));
        }
        Optional<String> tooFast = e.pagesViewed() == null
                ? budget.refusal(tx, userId, measured, ranges.get(), time.instant()) : Optional.empty();
        if (tooFast.isPresent()) {
            return Optional.of(new SyncResult.Rejected(e.id(), "progress.faster_than_real_time", tooFast.get()));
        }
        batch.heartbeat(measured, ranges.get(), e.positionSec(), e.spentSec() == null ? 0 : e.spentSec(),
                e.clientTime());
        return Optional.empty();
    }

    private static long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        if (!cursor.matches("\\d{1,18}")) {
            throw new ApiException(400, "sync.bad_cursor", "The cursor is not one this server gave out; sync "
                    + "without one to get the whole state.");
        }
        return Long.parseLong(cursor);
    }

    /** Checks events one by one, looking each lesson up once; remembers lessons for the apply step. */
    static final class EventChecks {
        private final Principal principal;
        private final CatalogService catalog;
        private final DbExecute db;
        private final Instant now;
        private final Map<UUID, Optional<LessonFacts>> lessons = new HashMap<>();
        private final Map<UUID, Boolean> courses = new HashMap<>();

        EventChecks(Principal principal, CatalogService catalog, DbExecute db, Instant now) {
            this.principal = principal;
            this.catalog = catalog;
            this.db = db;
            this.now = now;
        }

        /** A lesson the checks found (of an event they let through). */
        LessonFacts lesson(UUID lessonId) {
            return lessons.get(lessonId).orElseThrow();
        }

        /** A lesson, read with {@code tx} unless the checks looked it up already. */
        LessonFacts lesson(DbExecute tx, UUID lessonId) {
            return lessons.computeIfAbsent(lessonId, id -> catalog.lesson(tx, id)).orElse(null);
        }

        Optional<SyncResult.Rejected> refusal(SyncEvent e) {
            if (e == null || e.id() == null || e.id().isBlank() || e.id().length() > 100) {
                return Optional.of(new SyncResult.Rejected(e == null ? null : e.id(), "sync.event_id",
                        "Every event needs an id of at most 100 characters."));
            }
            if (e.clientTime() == null || e.clientTime().isAfter(now.plusSeconds(300))) {
                return reject(e, "sync.client_time", "The event's clientTime is missing or in the future; check "
                        + "the device clock.");
            }
            return switch (e) {
                case SyncEvent.Heartbeat h -> lessonRefusal(h, h.lessonId());
                case SyncEvent.Complete c -> lessonRefusal(c, c.lessonId());
                case SyncEvent.NoteEvent n -> n.noteId() == null ? reject(e, "sync.note_id", "A note event "
                        + "needs the note's id.") : Optional.empty();
                case SyncEvent.QuizAttempt q -> q.quizId() == null ? reject(e, "sync.quiz_id", "An offline attempt "
                        + "needs its quizId.") : Optional.empty();
                case SyncEvent.AssignmentDraft d -> d.lessonId() == null || (d.body() != null
                        && d.body().length() > 100_000) ? reject(e, "sync.draft", "A draft needs its assignment "
                        + "(lessonId) and at most 100,000 characters.") : Optional.empty();
                case SyncEvent.Unknown u -> reject(e, "sync.unknown_type", "Unknown event type '"
                        + (u.type() == null ? "" : u.type()) + "'.");
            };
        }

        /** The checks of a heartbeat or a "done": the lesson exists, the learner may study it, the event fits it. */
        private Optional<SyncResult.Rejected> lessonRefusal(SyncEvent e, UUID lessonId) {
            LessonFacts l = lessonId == null ? null : lesson(db, lessonId);
            if (l == null) {
                return reject(e, "sync.unknown_lesson", "This lesson is no longer in the course.");
            }
            if (!courses.computeIfAbsent(l.courseId(), c -> catalog.mayStudy(db, principal, c))) {
                return reject(e, "lesson.enrollment_required", "You are not enrolled in this lesson's course any "
                        + "more; your progress there was not recorded.");
            }
            if (e instanceof SyncEvent.Heartbeat h && (Ranges.parse(h.watchedRanges(), l.durationSec()).isEmpty()
                    || (h.positionSec() != null && h.positionSec() < 0))) {
                return reject(e, "sync.bad_ranges", "The watched ranges or position are outside the video.");
            }
            if (e instanceof SyncEvent.Complete && !Progress.markable(l.type())) {
                return reject(e, "lesson.not_markable", "This kind of lesson completes by watching, passing or "
                        + "submitting, not by marking it done.");
            }
            return Optional.empty();
        }

        private static Optional<SyncResult.Rejected> reject(SyncEvent e, String code, String reason) {
            return Optional.of(new SyncResult.Rejected(e.id(), code, reason));
        }
    }
}
