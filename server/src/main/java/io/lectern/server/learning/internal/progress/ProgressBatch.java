package io.lectern.server.learning.internal.progress;

import io.lectern.server.catalog.LessonFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One learner's progress events folded per lesson before they meet the database: watched ranges unioned, the
 * position with the latest client time, study time summed, completion kept once set; study seconds per quarter
 * hour, which become days in whatever zone the learner reads them. Order does not matter, which is what makes
 * offline replay order-tolerant.
 */
public final class ProgressBatch {

    static final int MAX_SPENT_PER_EVENT = 120;
    private static final long SLOT_SECONDS = 15 * 60;

    /** What one lesson's events add up to. */
    static final class LessonDelta {
        final LessonFacts lesson;
        final List<int[]> ranges = new ArrayList<>();
        Double position;
        Instant positionAt;
        long spent;
        Instant completedAt;
        Instant accessed;

        LessonDelta(LessonFacts lesson) {
            this.lesson = lesson;
        }
    }

    private final UUID userId;
    private final Map<UUID, LessonDelta> lessons = new LinkedHashMap<>();
    private final Map<Instant, Integer> slots = new LinkedHashMap<>();
    private final Map<Map.Entry<UUID, Instant>, Integer> courseSlots = new LinkedHashMap<>();

    public ProgressBatch(UUID userId) {
        this.userId = userId;
    }

    /** Study time claimed by one heartbeat, capped later against the time between heartbeats. */
    private record Claim(UUID lessonId, Instant at, int seconds) {
    }

    private final List<Claim> claims = new ArrayList<>();
    private boolean settled;

    public void heartbeat(LessonFacts lesson, List<int[]> ranges, Double position, int spentSec, Instant at) {
        LessonDelta d = delta(lesson, at);
        d.ranges.addAll(ranges);
        if (position != null && (d.positionAt == null || !at.isBefore(d.positionAt))) {
            d.position = position;
            d.positionAt = at;
        }
        claims.add(new Claim(lesson.lessonId(), at, Math.max(0, Math.min(MAX_SPENT_PER_EVENT, spentSec))));
    }

    /**
     * Study time is capped to real time: in client-time order, a heartbeat counts at most the seconds since the
     * previous one (and never more than {@value #MAX_SPENT_PER_EVENT}), so a queue of inflated heartbeats cannot add
     * up to more time than passed.
     */
    private void settle() {
        if (settled) {
            return;
        }
        settled = true;
        claims.sort(java.util.Comparator.comparing(Claim::at));
        Instant previous = null;
        for (Claim c : claims) {
            long gap = previous == null ? MAX_SPENT_PER_EVENT : java.time.Duration.between(previous, c.at()).toSeconds();
            int counted = (int) Math.max(0, Math.min(c.seconds(), gap));
            previous = c.at();
            LessonDelta d = lessons.get(c.lessonId());
            d.spent += counted;
            if (counted > 0) {
                slots.merge(slot(c.at()), counted, Integer::sum);
                courseSlots.merge(Map.entry(d.lesson.courseId(), slot(c.at())), counted, Integer::sum);
            }
        }
    }

    public void complete(LessonFacts lesson, Instant at) {
        LessonDelta d = delta(lesson, at);
        if (d.completedAt == null || at.isBefore(d.completedAt)) {
            d.completedAt = at;
        }
        slots.merge(slot(at), 0, Integer::sum);
    }

    private LessonDelta delta(LessonFacts lesson, Instant at) {
        LessonDelta d = lessons.computeIfAbsent(lesson.lessonId(), k -> new LessonDelta(lesson));
        if (d.accessed == null || at.isAfter(d.accessed)) {
            d.accessed = at;
        }
        return d;
    }

    public boolean isEmpty() {
        return lessons.isEmpty();
    }

    UUID userId() {
        return userId;
    }

    Map<UUID, LessonDelta> lessons() {
        settle();
        return lessons;
    }

    /** Study seconds per quarter hour (UTC): every zone's offset is a multiple of 15 minutes, so any zone's days. */
    Map<Instant, Integer> slots() {
        settle();
        return slots;
    }

    /** The same seconds per course and quarter hour (subscription revenue follows them). */
    Map<Map.Entry<UUID, Instant>, Integer> courseSlots() {
        settle();
        return courseSlots;
    }

    static Instant slot(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), SLOT_SECONDS) * SLOT_SECONDS);
    }
}
