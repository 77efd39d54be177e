package io.lectern.server.learning.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.learning.internal.assignment.AssignmentStore;
import io.lectern.server.learning.internal.certificate.CertificateStore;
import io.lectern.server.learning.internal.notes.NoteStore;
import io.lectern.server.learning.internal.progress.AppliedEventStore;
import io.lectern.server.learning.internal.progress.LearnerZoneStore;
import io.lectern.server.learning.internal.progress.ProgressStore;
import io.lectern.server.learning.internal.quiz.QuizStore;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Learning's part: progress per lesson, study time, the time zone studied in, notes and bookmarks, completions,
 * quiz attempts with the answers, assignment drafts and submissions with their grades and feedback, certificates; for
 * instructors the quizzes they wrote and the grades they gave. Deleting the account deletes the person's learning
 * records; certificates are revoked ("account deleted") and no longer carry the name, so the public verification
 * page names no one.
 */
final class LearningPersonalData implements PersonalData {

    private final ProgressStore progress;
    private final AppliedEventStore applied;
    private final LearnerZoneStore zones;
    private final NoteStore notes;
    private final QuizStore quizzes;
    private final AssignmentStore assignments;
    private final CertificateStore certificates;

    LearningPersonalData(ProgressStore progress, AppliedEventStore applied, LearnerZoneStore zones, NoteStore notes,
                         QuizStore quizzes, AssignmentStore assignments, CertificateStore certificates) {
        this.progress = progress;
        this.applied = applied;
        this.zones = zones;
        this.notes = notes;
        this.quizzes = quizzes;
        this.assignments = assignments;
        this.certificates = certificates;
    }

    @Override
    public String section() {
        return "learning";
    }

    @Override
    public Set<String> tables() {
        return Set.of("learning.lesson_progress", "learning.applied_events", "learning.study_time",
                "learning.learner_zones", "learning.course_study_time", "learning.notes", "learning.course_completions",
                "learning.quizzes", "learning.attempts", "learning.certificates", "learning.submissions",
                "learning.assignment_drafts");
    }

    @Override
    public Object export(DbExecute db, Person p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("progress", progress.exportProgress(db, p.id()));
        out.put("studyTime", progress.exportStudyTime(db, p.id()));
        out.put("studyTimeByCourse", progress.exportStudyTimeByCourse(db, p.id()));
        out.put("timeZone", zones.exportFor(db, p.id()));
        out.put("notes", notes.exportFor(db, p.id()));
        out.put("completedCourses", progress.exportCompletions(db, p.id()));
        out.put("quizAttempts", quizzes.exportAttempts(db, p.id()));
        out.put("submissions", assignments.exportSubmissions(db, p.id()));
        out.put("assignmentDrafts", assignments.exportDrafts(db, p.id()));
        out.put("certificates", certificates.exportFor(db, p.id()));
        out.put("quizzesWritten", quizzes.exportWrittenBy(db, p.id()));
        out.put("gradesGiven", assignments.exportGradedBy(db, p.id()));
        out.put("syncedEvents", applied.exportFor(db, p.id()));
        return out;
    }

    @Override
    public void erase(DbExecute tx, Person p) {
        progress.eraseProgress(tx, p.id());
        applied.eraseFor(tx, p.id());
        progress.eraseStudyTime(tx, p.id());
        zones.eraseFor(tx, p.id());
        notes.eraseFor(tx, p.id());
        progress.eraseCompletions(tx, p.id());
        quizzes.eraseAttempts(tx, p.id());
        assignments.eraseFor(tx, p.id());
        certificates.eraseFor(tx, p.id());
    }
}
