package io.lectern.server.catalog.internal.lessons;

import io.lectern.server.catalog.CompletionCheck;
import io.lectern.server.catalog.EnrollmentCheck;
import io.helidon.dbclient.DbExecute;
import java.util.Set;
import java.util.UUID;

/** The answers the catalog needs from other modules about a learner, as plugged in at start-up. */
public final class LearnerChecks {

    private volatile EnrollmentCheck enrollments = EnrollmentCheck.NOBODY;
    private volatile CompletionCheck completions = CompletionCheck.NOTHING;

    public void useEnrollments(EnrollmentCheck check) {
        this.enrollments = check;
    }

    public void useCompletions(CompletionCheck check) {
        this.completions = check;
    }

    public boolean enrolled(DbExecute db, UUID userId, UUID courseId) {
        return enrollments.isEnrolled(db, userId, courseId);
    }

    public Set<UUID> completed(UUID userId, UUID courseId) {
        return completions.completedLessons(userId, courseId);
    }
}
