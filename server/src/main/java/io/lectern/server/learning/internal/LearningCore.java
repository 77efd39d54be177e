package io.lectern.server.learning.internal;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.learning.CourseCompleted;
import io.lectern.server.learning.internal.assignment.AssignmentRoutes;
import io.lectern.server.learning.internal.assignment.Assignments;
import io.lectern.server.learning.internal.certificate.CertificateKeys;
import io.lectern.server.learning.internal.certificate.CertificateRoutes;
import io.lectern.server.learning.internal.certificate.Certificates;
import io.lectern.server.learning.internal.notes.NoteStore;
import io.lectern.server.learning.internal.notes.Notes;
import io.lectern.server.learning.internal.progress.AppliedEvents;
import io.lectern.server.learning.internal.progress.LearnerZones;
import io.lectern.server.learning.internal.progress.CourseProgressView;
import io.lectern.server.learning.internal.progress.InstructorProgress;
import io.lectern.server.learning.internal.progress.Progress;
import io.lectern.server.learning.internal.progress.ProgressStore;
import io.lectern.server.learning.internal.progress.WatchBudget;
import io.lectern.server.learning.internal.quiz.QuizRoutes;
import io.lectern.server.learning.internal.sync.SyncService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.Platform;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.security.SecretBox;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The learning module's insides, wired: progress, sync, notes. */
public final class LearningCore {

    private final Platform platform;
    private final Progress progress;
    private final QuizRoutes quizzes;
    private final CourseCopies copies;
    private final CourseProgressView courseProgress;
    private final ProgressStore store;
    private final Assignments assignments;
    private final Certificates certificates;

    public LearningCore(Platform platform, CatalogService catalog, IdentityService identity, MediaService media,
                        ApiRoutes routes) {
        this.platform = platform;
        this.copies = new CourseCopies(platform.ids(), platform.clock());
        this.store = new ProgressStore();
        this.progress = new Progress(platform, catalog, store, new AppliedEvents(), media::pageCount,
                new LearnerZones(identity::timeZone), new WatchBudget(store, media::firstPlayback));
        NoteStore notes = new NoteStore();
        this.quizzes = new QuizRoutes(platform, catalog, progress);
        quizzes.register(routes);
        this.assignments = new Assignments(platform, catalog, media, progress);
        media.addPlaybackCheck(assignments::fileGrant);
        this.courseProgress = new CourseProgressView(platform, catalog, store);
        new LearningRoutes(platform, progress, courseProgress,
                new InstructorProgress(platform, catalog, identity),
                new SyncService(platform, catalog, progress, store, notes, Map.of("QUIZ_ATTEMPT",
                        quizzes.attempts()::offline, "ASSIGNMENT_DRAFT", assignments::draft)),
                new Notes(platform, catalog, notes)).register(routes);
        CertificateKeys keys = new CertificateKeys(platform, SecretBox.open(platform.config().auth().secretKey(),
                platform.config().dataDir()));
        keys.ready(); // made or loaded now, not on first use inside the issuing transaction
        this.certificates = new Certificates(platform, catalog, identity, media, keys);
        new CertificateRoutes(platform, certificates, keys).register(routes);
        new AssignmentRoutes(platform, assignments).register(routes);
        platform.events().subscribe("learning.certificate-on-completion", CourseCompleted.class,
                (done, delivery) -> certificates.issue(delivery.tx(), done));
    }

    /** Submits quiz attempts whose deadline passed (the job does this every 5 seconds). */
    public int submitOverdueAttempts() {
        return quizzes.attempts().submitOverdue();
    }

    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new LearningPersonalData();
    }

    public java.util.List<String> mediaUses(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        java.util.List<String> uses = new java.util.ArrayList<>();
        if (assignments.handedIn(tx, mediaId)) {
            uses.add("an assignment handed in with it");
        }
        if (certificates.inDesign(tx, mediaId)) {
            uses.add("a course's certificate design");
        }
        return uses;
    }

    public Map<UUID, Long> studySeconds(UUID userId, java.time.Instant from, java.time.Instant to) {
        return store.studySeconds(platform.db().execute(), userId, from, to);
    }

    public Map<UUID, Integer> percents(UUID userId, java.util.Collection<UUID> courseIds) {
        return courseProgress.percents(userId, courseIds);
    }

    public Map<UUID, UUID> copyCourse(io.helidon.dbclient.DbExecute tx, UUID from, UUID to, Map<UUID, UUID> lessons) {
        return copies.copy(tx, from, to, lessons);
    }

    public Set<UUID> completedLessons(UUID userId, UUID courseId) {
        return progress.completedLessons(platform.db().execute(), userId, courseId);
    }
}
