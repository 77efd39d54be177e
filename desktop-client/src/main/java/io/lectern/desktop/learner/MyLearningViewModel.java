package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.learning.LearningClient;
import io.lectern.model.commerce.Enrollment;
import io.lectern.model.learning.CourseProgress;
import io.lectern.model.learning.LessonProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** "My learning": the courses the learner is enrolled in, how far along each is, where to resume, the streak. */
public final class MyLearningViewModel {

    /**
     * One enrolled course.
     *
     * @param courseId   course
     * @param title      title
     * @param percent    required lessons done
     * @param nextLesson the lesson to resume with (null when done)
     * @param caption    "3 of 8 lessons · next: …"
     */
    public record Item(UUID courseId, String title, int percent, UUID nextLesson, String caption) {
    }

    private final LearningClient learning;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Item> courses = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty streak = new SimpleStringProperty("");

    public MyLearningViewModel(LearningClient learning, Executor background, Executor ui) {
        this.learning = learning;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<Item> courses() {
        return courses;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty streak() {
        return streak;
    }

    public void load() {
        status.set(tr("mylearning.loading"));
        background.execute(() -> {
            try {
                List<Item> items = new ArrayList<>();
                int best = 0;
                for (Enrollment e : learning.enrollments()) {
                    if (!"ACTIVE".equals(e.status())) {
                        continue;
                    }
                    CourseProgress p = learning.progress(e.courseId());
                    best = Math.max(best, p.streakDays());
                    items.add(new Item(e.courseId(), e.courseTitle(), p.percent(), p.nextLessonId(), caption(p)));
                }
                int streakDays = best;
                ui.execute(() -> {
                    courses.setAll(items);
                    streak.set(streakDays == 0 ? "" : tr("mylearning.streak", streakDays));
                    status.set(items.isEmpty() ? tr("mylearning.empty") : "");
                });
            } catch (ApiError | SessionEndedException e) {
                ui.execute(() -> status.set(e.getMessage()));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> status.set(tr("mylearning.offline")));
            }
        });
    }

    static String caption(CourseProgress p) {
        boolean resumable = p.lessons().stream().map(LessonProgress::lessonId).anyMatch(id -> id.equals(p.nextLessonId()));
        return tr(resumable ? "mylearning.caption.resume" : "mylearning.caption.done", p.completedRequired(),
                p.totalRequired());
    }
}
