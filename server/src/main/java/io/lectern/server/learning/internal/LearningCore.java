package io.lectern.server.learning.internal;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.learning.CourseCompleted;
import io.lectern.server.learning.internal.assignment.AssignmentRoutes;
import io.lectern.server.learning.internal.assignment.AssignmentStore;
import io.lectern.server.learning.internal.assignment.Assignments;
import io.lectern.server.learning.internal.certificate.CertificateKeyStore;
import io.lectern.server.learning.internal.certificate.CertificateKeys;
import io.lectern.server.learning.internal.certificate.CertificateRoutes;
import io.lectern.server.learning.internal.certificate.CertificateStore;
import io.lectern.server.learning.internal.certificate.Certificates;
import io.lectern.server.learning.internal.notes.NoteStore;
import io.lectern.server.learning.internal.notes.Notes;
import io.lectern.server.learning.internal.progress.AppliedEventStore;
import io.lectern.server.learning.internal.progress.LearnerZoneStore;
import io.lectern.server.learning.internal.progress.LearnerZones;
import io.lectern.server.learning.internal.progress.CourseProgressView;
import io.lectern.server.learning.internal.progress.InstructorProgress;
import io.lectern.server.learning.internal.progress.Progress;
import io.lectern.server.learning.internal.progress.ProgressStore;
import io.lectern.server.learning.internal.progress.WatchBudget;
import io.lectern.server.learning.internal.quiz.Attempts;
import io.lectern.server.learning.internal.quiz.QuizRoutes;
import io.lectern.server.learning.internal.quiz.QuizStore;
import io.lectern.server.learning.internal.quiz.Quizzes;
import io.lectern.server.learning.internal.sync.SyncService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.security.SecretBox;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The learning module's insides, wired: progress, sync, notes. */
public final class LearningCore {

    private final Database db;
    private final Progress progress;
    private final QuizRoutes quizzes;
    private final CourseCopies copies;
    private final CourseProgressView courseProgress;
    private final ProgressStore store;
    private final AppliedEventStore applied;
    private final LearnerZoneStore zones;
    private final NoteStore notes;
    private final QuizStore quizStore;
    private final AssignmentStore assignmentStore;
    private final CertificateStore certificateStore;
    private final Assignments assignments;
    private final Certificates certificates;

    public LearningCore(Database db, Clock clock, Ids ids, Json json, EventBus events, JobRunner jobs,
                        SecretBox secrets, String publicUrl, CatalogService catalog,
                        IdentityService identity, MediaService media,
                        ApiRoutes routes) {
        this.db = db;
        this.store = new ProgressStore();
        this.applied = new AppliedEventStore();
        this.zones = new LearnerZoneStore();
        this.notes = new NoteStore();
        this.quizStore = new QuizStore(json.objectMapper());
        this.assignmentStore = new AssignmentStore();
        this.certificateStore = new CertificateStore();
        this.copies = new CourseCopies(ids, clock, quizStore, assignmentStore, certificateStore);
        this.progress = new Progress(db, clock, events, catalog, store, applied, media::pageCount,
                new LearnerZones(zones, identity::timeZone), new WatchBudget(store, media::firstPlayback));
        Attempts attempts = new Attempts(db, clock, ids, json, events, catalog, quizStore, progress);
        this.quizzes = new QuizRoutes(json, new Quizzes(db, clock, ids, catalog, quizStore, attempts), attempts);
        jobs.every("learning.quiz-deadlines", Duration.ofSeconds(5), attempts::submitOverdue);
        quizzes.register(routes);
        this.assignments = new Assignments(db, clock, ids, json, events, catalog, media, progress, assignmentStore);
        media.addPlaybackCheck(assignments::fileGrant);
        this.courseProgress = new CourseProgressView(db, clock, catalog, store);
        new LearningRoutes(db, json, progress, courseProgress,
                new InstructorProgress(db, catalog, identity, store),
                new SyncService(db, clock, catalog, progress, store, notes, applied, quizzes.attempts()::offline,
                        assignments::draft),
                new Notes(db, clock, ids, catalog, notes)).register(routes);
        CertificateKeys keys = new CertificateKeys(db, clock, ids, secrets, new CertificateKeyStore());
        keys.ready(); // made or loaded now, not on first use inside the issuing transaction
        this.certificates = new Certificates(db, clock, ids, events, publicUrl, catalog, identity, media, keys,
                certificateStore);
        new CertificateRoutes(json, certificates, keys).register(routes);
        new AssignmentRoutes(json, assignments).register(routes);
        events.subscribe("learning.certificate-on-completion", CourseCompleted.class,
                (done, delivery) -> certificates.issue(delivery.tx(), done));
    }

    /** Submits quiz attempts whose deadline passed (the job does this every 5 seconds). */
    public int submitOverdueAttempts() {
        return quizzes.attempts().submitOverdue();
    }

    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new LearningPersonalData(store, applied, zones, notes, quizStore, assignmentStore, certificateStore);
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
        return store.studySeconds(db.execute(), userId, from, to);
    }

    public Map<UUID, Integer> percents(UUID userId, java.util.Collection<UUID> courseIds) {
        return courseProgress.percents(userId, courseIds);
    }

    public Map<UUID, UUID> copyCourse(io.helidon.dbclient.DbExecute tx, UUID from, UUID to, Map<UUID, UUID> lessons) {
        return copies.copy(tx, from, to, lessons);
    }

    public Set<UUID> completedLessons(UUID userId, UUID courseId) {
        return progress.completedLessons(db.execute(), userId, courseId);
    }
}
