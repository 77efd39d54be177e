package io.lectern.server.commerce;

import io.helidon.dbclient.DbExecute;
import io.lectern.server.commerce.internal.CommerceCore;
import java.util.UUID;

/**
 * The commerce module's facade: whether a learner may study a course (the catalog's enrollment check) and the
 * money housekeeping other parts trigger. Its events are {@link EnrollmentCreated} and {@link EnrollmentEnded}.
 */
public final class CommerceService {

    private final CommerceCore core;

    CommerceService(CommerceCore core) {
        this.core = core;
    }

    /** Learning says how far a learner is in each course (the enrollment list shows it). */
    public void useProgress(ProgressLookup lookup) {
        core.useProgress(lookup);
    }

    /** What commerce keeps about people (money kept, names taken off): for the data export and account deletion. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return core.personalData();
    }

    /** Learning says how long subscribers studied each course (subscription revenue is shared by it). */
    public void useStudyTime(StudyTime time) {
        core.useStudyTime(time);
    }

    /** Shares the revenue of ended subscription periods among instructors (a job does it every minute). */
    public int shareSubscriptionRevenue() {
        return core.shareSubscriptionRevenue();
    }

    /** An active enrollment (and, for subscription courses, a live subscription). */
    public boolean isEnrolled(DbExecute db, UUID userId, UUID courseId) {
        return core.hasAccess(db, userId, courseId);
    }

    /** Renews, lapses or ends subscriptions whose period is over (the job does this every minute). */
    public int renewDueSubscriptions() {
        return core.renewDueSubscriptions();
    }

}
