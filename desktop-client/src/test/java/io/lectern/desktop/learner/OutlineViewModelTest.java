package io.lectern.desktop.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.catalog.LessonType;
import io.lectern.model.learning.CourseProgress;
import io.lectern.model.learning.LessonProgress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The syllabus beside a lesson: ticks from progress, the current lesson, locks naming the unmet prerequisite. */
class OutlineViewModelTest {

    private static final UUID INTRO = UUID.randomUUID();
    private static final UUID LENSES = UUID.randomUUID();
    private static final UUID MIRRORS = UUID.randomUUID();

    private static CourseDetail course() {
        List<CourseDetail.Lesson> lessons = List.of(
                new CourseDetail.Lesson(INTRO, "Welcome", LessonType.ARTICLE, 0, true, true, false, List.of()),
                new CourseDetail.Lesson(LENSES, "Lenses", LessonType.VIDEO, 100, false, true, false, List.of()),
                new CourseDetail.Lesson(MIRRORS, "Mirrors", LessonType.ARTICLE, 0, false, true, true, List.of(LENSES)));
        return new CourseDetail(UUID.randomUUID(), "optics", null, 1, "Optics", null, null, null, null, List.of(), null,
                "en", null, null, null, List.of(), null, 0, 3, 100, null, null,
                List.of(new CourseDetail.Section(UUID.randomUUID(), "Basics", lessons)), null);
    }

    private static LessonProgress state(UUID lesson, String state) {
        return new LessonProgress(lesson, state, 0, 0, 0, null, null);
    }

    @Test
    void ticksTheCurrentLessonAndLocksWithTheReason() {
        CourseProgress progress = new CourseProgress(UUID.randomUUID(), 33, 1, 3, 0, null, 0, LENSES, List.of(
                state(INTRO, "COMPLETED"), state(LENSES, "IN_PROGRESS"), state(MIRRORS, "LOCKED")));
        List<OutlineViewModel.Row> rows = OutlineViewModel.rows(course(), progress, LENSES);
        assertEquals(List.of(OutlineViewModel.Mark.DONE, OutlineViewModel.Mark.CURRENT, OutlineViewModel.Mark.LOCKED),
                rows.stream().map(OutlineViewModel.Row::mark).toList());
        assertEquals("Finish \u201cLenses\u201d first.", rows.get(2).why());
        assertEquals("video", rows.get(1).type());
    }
}
