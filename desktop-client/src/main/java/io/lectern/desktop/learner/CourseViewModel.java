package io.lectern.desktop.learner;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.catalog.CatalogClient;
import io.lectern.desktop.core.commerce.MoneyText;
import io.lectern.model.catalog.CourseDetail;
import io.lectern.model.catalog.InstructorRef;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.commerce.Enrollment;
import java.util.Locale;
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
                ui.execute(() -> walletText.set("Your wallet: " + balance));
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
        message.set("Preparing the download\u2026");
        background.execute(() -> {
            String said;
            try {
                int n = downloads.addCourse(c.id());
                said = n == 0 ? "Nothing in this course can be studied offline (quizzes and live sessions need the "
                        + "server)." : n + (n == 1 ? " lesson is" : " lessons are") + " downloading; see Downloads.";
            } catch (io.lectern.desktop.core.api.ApiError | io.lectern.desktop.core.auth.SessionEndedException e) {
                said = e.getMessage();
            } catch (io.lectern.desktop.core.api.ServerUnreachableException e) {
                said = "The server cannot be reached; download when you are online.";
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
        message.set("Loading the course…");
        background.execute(() -> {
            try {
                CourseDetail c = catalog.course(idOrSlug);
                ui.execute(() -> show(c));
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                ui.execute(() -> done(e instanceof ServerUnreachableException
                        ? "The server cannot be reached; try again when you are online." : e.getMessage()));
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
                String state = l.preview() ? "  · free preview" : l.locked() ? "  · locked" : "";
                syllabus.add("    " + l.title() + "  (" + l.type().name().toLowerCase(Locale.ROOT)
                        + (l.durationSec() > 0 ? ", " + duration(l.durationSec()) : "") + ")" + state);
            }
        }
        done("");
    }

    static String duration(int seconds) {
        return seconds < 60 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    /** What the price line says. */
    public String priceText() {
        CourseDetail c = course.get();
        if (c == null) {
            return "";
        }
        return c.pricing() == Pricing.FREE ? "Free" : c.pricing() == Pricing.SUBSCRIPTION ? "Included in subscription"
                : MoneyText.of(c.price());
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
        message.set("Enrolling…");
        String code = coupon.get();
        background.execute(() -> {
            try {
                Enrollment e = catalog.enroll(c.id(), code, idempotencyKey);
                String said = e.paid() != null && e.paid().amountMinor() > 0 ? "Enrolled. " + MoneyText.of(e.paid())
                        + " was paid from your wallet." : "Enrolled. Enjoy the course!";
                ui.execute(() -> {
                    enrolled.set(true);
                    idempotencyKey = UUID.randomUUID().toString();
                    done(said);
                });
                refreshAfterEnrolling(c.id(), said);
            } catch (ApiError e) {
                ui.execute(() -> refused(e));
            } catch (ServerUnreachableException e) {
                ui.execute(() -> done("The server cannot be reached; nothing was charged. Try again when online."));
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
