package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.i18n.DateText;
import io.lectern.model.catalog.ReviewView;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A course's reviews on its page (stars, author, date, text, the instructor's reply) and the learner's own review. */
public final class ReviewsViewModel {

    private final CatalogClient catalog;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<String> reviews = FXCollections.observableArrayList();
    private final IntegerProperty rating = new SimpleIntegerProperty(5);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private UUID courseId;

    public ReviewsViewModel(CatalogClient catalog, Executor background, Executor ui) {
        this.catalog = catalog;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<String> reviews() {
        return reviews;
    }

    /** 1–5 stars for the learner's review. */
    public IntegerProperty rating() {
        return rating;
    }

    public StringProperty text() {
        return text;
    }

    public StringProperty message() {
        return message;
    }

    public void load(UUID course) {
        courseId = course;
        background.execute(() -> {
            try {
                List<String> lines = catalog.reviews(course).items().stream().map(ReviewsViewModel::line).toList();
                ui.execute(() -> reviews.setAll(lines));
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                ui.execute(() -> message.set(tr("reviews.unavailable")));
            }
        });
    }

    /** Posts the learner's review (enrolled learners, one each). */
    public void post() {
        if (courseId == null) {
            return;
        }
        int stars = rating.get();
        String body = text.get();
        message.set(tr("reviews.posting"));
        background.execute(() -> {
            try {
                catalog.review(courseId, stars, body);
                ui.execute(() -> {
                    text.set("");
                    message.set(tr("reviews.posted"));
                    load(courseId);
                });
            } catch (ApiError | SessionEndedException e) {
                ui.execute(() -> message.set(e.getMessage()));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> message.set(tr("reviews.offline")));
            }
        });
    }

    static String line(ReviewView r) {
        String stars = "\u2605".repeat(r.rating()) + "\u2606".repeat(Math.max(0, 5 - r.rating()));
        String said = stars + "  " + r.authorName() + " \u00b7 " + DateText.day(r.createdAt())
                + (r.body() == null || r.body().isBlank() ? "" : "\n" + r.body());
        return r.reply() == null ? said : said + "\n\u21b3 " + r.reply().authorName() + ": " + r.reply().body();
    }
}
