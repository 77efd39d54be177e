package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.i18n.MoneyText;
import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.commerce.Enrollment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A course page: what the course is, its syllabus with previews and locks, the price and enrolling (with a coupon).
 * A short wallet answers with the shortfall and offers the wallet; a retried click never charges twice.
 */
public final class CourseViewModel {

    private final CatalogClient catalog;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<CourseDetail> course = new SimpleObjectProperty<>();
    private final ObservableList<String> syllabus = FXCollections.observableArrayList();
    private final StringProperty coupon = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty enrolled = new SimpleBooleanProperty(false);
    private final BooleanProperty needsTopUp = new SimpleBooleanProperty(false);
    private String idempotencyKey = UUID.randomUUID().toString();
    private io.lectern.desktop.core.downloads.Downloads downloads;
    private io.lectern.desktop.core.commerce.WalletClient wallet;
    private final StringProperty walletText = new SimpleStringProperty("");

    public CourseViewModel(CatalogClient catalog, Executor background, Executor ui) {
        this.catalog = catalog;
        this.background = background;
        this.ui = ui;
    }

    /** Shows the learner's wallet balance beside the price of a course they have not bought. */
    public CourseViewModel withWallet(io.lectern.desktop.core.commerce.WalletClient w) {
        this.wallet = w;
        return this;
    }

    /** "Your wallet: 20.00 USD" for a paid course not bought yet; empty otherwise. */
    public StringProperty walletText() {
        return walletText;
    }

    private void showWallet(CourseDetail c) {
        boolean buying = wallet != null && !enrolled.get() && c.pricing() == io.lectern.model.catalog.Pricing.ONE_TIME;
        walletText.set("");
        if (!buying) {
            return;
        }
        background.execute(() -> {
            try {
                String balance = MoneyText.of(wallet.wallet().balance());
                ui.execute(() -> walletText.set(tr("course.wallet", balance)));
            } catch (ApiError | ServerUnreachableException | SessionEndedException ignored) {
                // the price is still shown; the wallet screen says more
            }
        });
    }

    /** Lets an enrolled learner download the course for offline study. */
    public CourseViewModel withDownloads(io.lectern.desktop.core.downloads.Downloads d) {
        this.downloads = d;
        return this;
    }

    public boolean canDownload() {
        return downloads != null;
    }

    /** Queues the course's videos, PDFs and articles for offline study (progress on the Downloads screen). */
    public void downloadForOffline() {
        CourseDetail c = course.get();
        if (c == null || downloads == null || busy.get()) {
            return;
        }
        busy.set(true);
        message.set(tr("course.download.preparing"));
        background.execute(() -> {
            String said;
            try {
                int n = downloads.addCourse(c.id());
                said = n == 0 ? tr("course.download.nothing") : tr("course.download.queued", n);
            } catch (io.lectern.desktop.core.api.ApiError | io.lectern.desktop.core.auth.SessionEndedException e) {
                said = e.getMessage();
            } catch (io.lectern.desktop.core.api.ServerUnreachableException e) {
                said = tr("course.download.offline");
            }
            String text = said;
            ui.execute(() -> {
                busy.set(false);
                message.set(text);
            });
        });
    }

    public ObjectProperty<CourseDetail> course() {
        return course;
    }

    public ObservableList<String> syllabus() {
        return syllabus;
    }

    public StringProperty coupon() {
        return coupon;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanProperty enrolled() {
        return enrolled;
    }

    /** True after a 402: the view offers the wallet. */
    public BooleanProperty needsTopUp() {
        return needsTopUp;
    }

    public void load(String idOrSlug) {
        busy.set(true);
        message.set(tr("course.loading"));
        background.execute(() -> {
            try {
                CourseDetail c = catalog.course(idOrSlug);
                ui.execute(() -> show(c));
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                ui.execute(() -> done(e instanceof ServerUnreachableException
                        ? tr("course.offline") : e.getMessage()));
            }
        });
    }

    private void show(CourseDetail c) {
        course.set(c);
        enrolled.set(c.viewer() != null && c.viewer().enrolled());
        showWallet(c);
        syllabus.clear();
        for (CourseDetail.Section s : c.sections()) {
            syllabus.add(s.title());
            for (CourseDetail.Lesson l : s.lessons()) {
                syllabus.add("    " + lessonLine(l));
            }
        }
        done("");
    }

    /** "Lenses  (video, 4 min)  · free preview": title, type, length when known, preview or locked. */
    static String lessonLine(CourseDetail.Lesson l) {
        String type = LessonViewModel.typeName(l.type());
        String line = l.durationSec() > 0 ? tr("course.syllabus.lessonTimed", l.title(), type, duration(l.durationSec()))
                : tr("course.syllabus.lesson", l.title(), type);
        return l.preview() ? line + "  · " + tr("course.syllabus.preview")
                : l.locked() ? line + "  · " + tr("course.syllabus.locked") : line;
    }

    static String duration(int seconds) {
        return seconds < 60 ? tr("course.duration.seconds", seconds)
                : tr("course.duration.minutes", Math.round(seconds / 60.0));
    }

    /** "By Ada Byte  ·  12 lessons  ·  ★ 4.5 from 8 reviews  ·  30 learners" (the rating only once rated). */
    public String factsText() {
        CourseDetail c = course.get();
        if (c == null) {
            return "";
        }
        if (c.rating() == null || c.rating().count() <= 0) {
            return tr("course.facts", instructorsText(), c.lessonCount(), c.enrollmentCount());
        }
        BigDecimal stars = BigDecimal.valueOf(c.rating().average()).setScale(1, RoundingMode.HALF_UP);
        return tr("course.factsRated", instructorsText(), c.lessonCount(), c.enrollmentCount(), stars,
                c.rating().count());
    }

    /** What the price line says. */
    public String priceText() {
        CourseDetail c = course.get();
        if (c == null) {
            return "";
        }
        return c.pricing() == Pricing.FREE ? tr("course.price.free")
                : c.pricing() == Pricing.SUBSCRIPTION ? tr("course.price.subscription") : MoneyText.of(c.price());
    }

    public String instructorsText() {
        CourseDetail c = course.get();
        return c == null ? "" : String.join(", ", c.instructors().stream().map(InstructorRef::displayName).toList());
    }

    public void enroll() {
        CourseDetail c = course.get();
        if (c == null || busy.get() || enrolled.get()) {
            return;
        }
        busy.set(true);
        needsTopUp.set(false);
        message.set(tr("course.enrolling"));
        String code = coupon.get();
        background.execute(() -> {
            try {
                Enrollment e = catalog.enroll(c.id(), code, idempotencyKey);
                String said = e.paid() != null && e.paid().amountMinor() > 0
                        ? tr("course.enrolled.paid", MoneyText.of(e.paid())) : tr("course.enrolled.free");
                ui.execute(() -> {
                    enrolled.set(true);
                    idempotencyKey = UUID.randomUUID().toString();
                    done(said);
                });
                refreshAfterEnrolling(c.id(), said);
            } catch (ApiError e) {
                ui.execute(() -> refused(e));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> done(tr("course.enroll.offline")));
            } catch (SessionEndedException e) {
                ui.execute(() -> done(e.getMessage()));
            }
        });
    }

    /** The syllabus again, now unlocked, keeping what was said about the enrollment. */
    private void refreshAfterEnrolling(UUID courseId, String said) {
        try {
            CourseDetail fresh = catalog.course(courseId.toString());
            ui.execute(() -> {
                show(fresh);
                message.set(said);
            });
        } catch (ApiError | io.lectern.desktop.core.api.ServerUnreachableException
                 | io.lectern.desktop.core.auth.SessionEndedException ignored) {
            // the enrollment stands; the syllabus refreshes next time the page opens
        }
    }

    private void refused(ApiError e) {
        idempotencyKey = UUID.randomUUID().toString(); // the server kept nothing for a refused request
        if ("enrollment.exists".equals(e.code())) {
            enrolled.set(true);
        }
        needsTopUp.set("wallet.insufficient_funds".equals(e.code()));
        done(e.getMessage());
    }

    private void done(String text) {
        busy.set(false);
        message.set(text);
    }
}
