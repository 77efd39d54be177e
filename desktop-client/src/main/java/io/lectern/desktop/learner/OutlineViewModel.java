package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.learning.LearningClient;
import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.learning.CourseProgress;
import io.lectern.model.learning.LessonProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The syllabus beside a lesson: every lesson of the course with a tick when done, a lock (and which lesson to
 * finish first) when it cannot be opened yet, the one open now marked; previous and next in course order.
 */
public final class OutlineViewModel {

    /** Where a lesson stands for the learner. */
    public enum Mark { DONE, OPEN, LOCKED, CURRENT }

    /**
     * One line of the syllabus.
     *
     * @param lessonId the lesson
     * @param title    "Lenses"
     * @param type     "video", "quiz", …
     * @param mark     done, open, locked or the current one
     * @param why      for a locked lesson: what to finish first
     */
    public record Row(UUID lessonId, String title, String type, Mark mark, String why) {
    }

    private final CatalogClient catalog;
    private final LearningClient learning;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private UUID current;

    public OutlineViewModel(CatalogClient catalog, LearningClient learning, Executor background, Executor ui) {
        this.catalog = catalog;
        this.learning = learning;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Loads the course's syllabus and the learner's progress; offline the list stays empty. */
    public void load(UUID courseId, UUID lessonId) {
        current = lessonId;
        background.execute(() -> {
            try {
                CourseDetail course = catalog.course(courseId.toString());
                CourseProgress progress = learning.progress(courseId);
                List<Row> built = rows(course, progress, lessonId);
                ui.execute(() -> rows.setAll(built));
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                // without the server there is no syllabus to show; the lesson itself still opens
            }
        });
    }

    /** The lesson before the current one, if any. */
    public UUID previous() {
        return neighbour(-1);
    }

    /** The lesson after the current one, if any. */
    public UUID next() {
        return neighbour(1);
    }

    private UUID neighbour(int step) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).lessonId().equals(current)) {
                int j = i + step;
                return j >= 0 && j < rows.size() ? rows.get(j).lessonId() : null;
            }
        }
        return null;
    }

    static List<Row> rows(CourseDetail course, CourseProgress progress, UUID current) {
        Map<UUID, String> titles = new HashMap<>();
        course.sections().forEach(s -> s.lessons().forEach(l -> titles.put(l.id(), l.title())));
        Map<UUID, String> states = progress == null ? Map.of() : progress.lessons().stream()
                .collect(Collectors.toMap(LessonProgress::lessonId, LessonProgress::state, (a, b) -> a));
        List<Row> out = new ArrayList<>();
        for (CourseDetail.Section s : course.sections()) {
            for (CourseDetail.Lesson l : s.lessons()) {
                String state = states.getOrDefault(l.id(), l.locked() ? "LOCKED" : "NOT_STARTED");
                Mark mark = l.id().equals(current) ? Mark.CURRENT : "COMPLETED".equals(state) ? Mark.DONE
                        : "LOCKED".equals(state) || l.locked() ? Mark.LOCKED : Mark.OPEN;
                String unmet = l.prerequisiteIds().stream().filter(p -> !"COMPLETED".equals(states.get(p)))
                        .map(p -> tr("outline.quoted", titles.getOrDefault(p, tr("outline.earlierLesson"))))
                        .reduce((a, b) -> tr("outline.and", a, b)).orElse("");
                String why = mark != Mark.LOCKED ? "" : unmet.isEmpty() ? tr("outline.enrollFirst")
                        : tr("outline.finishFirst", unmet);
                out.add(new Row(l.id(), l.title(), LessonViewModel.typeName(l.type()), mark, why));
            }
        }
        return out;
    }
}
