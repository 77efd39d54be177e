package io.lectern.server.learning.internal.progress;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.catalog.LessonType;
import io.lectern.server.catalog.LessonFacts;
import io.lectern.server.platform.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Watched time may not grow faster than real time allows: the unique seconds credited for a video can be at most
 * twice (the fastest playback speed) the time since the learner first got its signed URLs, plus a little for the
 * last heartbeat in flight. So no client can post "watched all" ten seconds after opening a video, and completion
 * and certificates rest on time that passed. What was credited before is never taken away; offline viewing counts,
 * as a download gets its URLs too.
 */
public final class WatchBudget {

    static final double MAX_SPEED = 2.0;
    static final long SLACK_SECONDS = 15;

    /** When a user first got a media item's URLs (the media module knows). */
    @FunctionalInterface
    public interface FirstPlayback {
        Optional<Instant> of(DbExecute db, UUID userId, UUID mediaId);
    }

    private final ProgressStore store;
    private final FirstPlayback firstPlayback;
    /** Ranges already accepted in this batch, per lesson: several heartbeats of one sync add up. */
    private final Map<UUID, List<int[]>> accepted = new HashMap<>();

    public WatchBudget(ProgressStore store, FirstPlayback firstPlayback) {
        this.store = store;
        this.firstPlayback = firstPlayback;
    }

    /** A budget for one batch of one learner's heartbeats. */
    public WatchBudget forBatch() {
        return new WatchBudget(store, firstPlayback);
    }

    /** Empty when the ranges fit; otherwise a sentence saying why they were refused. */
    public Optional<String> refusal(DbExecute db, UUID userId, LessonFacts lesson, List<int[]> ranges, Instant now) {
        if (lesson.type() != LessonType.VIDEO || ranges.isEmpty()) {
            return Optional.empty();
        }
        List<int[]> all = new ArrayList<>(accepted.getOrDefault(lesson.lessonId(), List.of()));
        all.addAll(ranges);
        long[] seconds = store.watchedSeconds(db, userId, lesson.lessonId(), Ranges.literal(all));
        long allowed = lesson.mediaId() == null ? SLACK_SECONDS : firstPlayback.of(db, userId, lesson.mediaId())
                .map(first -> (long) (Math.max(0, Duration.between(first, now).toSeconds()) * MAX_SPEED) + SLACK_SECONDS)
                .orElse(SLACK_SECONDS);
        if (seconds[1] > seconds[0] && seconds[1] > allowed) {
            return Optional.of("These watched ranges would make " + seconds[1] + " seconds of '" + lesson.title()
                    + "' watched, but only " + allowed + " can have been since you first opened it; send the "
                    + "ranges you really watched.");
        }
        accepted.put(lesson.lessonId(), all);
        return Optional.empty();
    }

    /** The same as a 422 for the online heartbeat. */
    public void require(DbExecute db, UUID userId, LessonFacts lesson, List<int[]> ranges, Instant now) {
        refusal(db, userId, lesson, ranges, now).ifPresent(reason -> {
            throw ApiException.rule("progress.faster_than_real_time", reason, List.of(
                    new io.lectern.model.common.FieldViolation("watchedRanges", "real_time", reason)));
        });
    }
}
