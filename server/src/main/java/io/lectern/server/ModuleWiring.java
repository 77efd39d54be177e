package io.lectern.server;

import io.lectern.model.media.MediaPurpose;
import io.lectern.server.audit.AuditService;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.CommerceService;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.EnrollmentEnded;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.learning.LearningService;
import io.lectern.server.media.MediaService;
import io.lectern.server.notify.MailService;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.idempotency.Idempotency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Connects modules that may not know each other (the catalog sells nothing, yet needs to know who is enrolled and
 * how many are): ports are plugged with facade methods, and events are carried to facades by outbox listeners.
 * Only the composition root sees both sides, so the modules stay free of cycles.
 */
final class ModuleWiring {

    private ModuleWiring() {
    }

    static void connect(EventBus events, Idempotency idempotency, IdentityService identity, CatalogService catalog,
                        CommerceService commerce, MediaService media, LearningService learning, AuditService audit,
                        MailService mail) {
        // what each module keeps about people, erased in this order: commerce, which may refuse (a payout on its way),
        // before mail and media, which delete files; media last, as the others free the files it deletes
        List.of(audit.personalData(), catalog.personalData(), commerce.personalData(), idempotency.personalData(),
                mail.personalData(), learning.personalData(), media.personalData()).forEach(identity::addPersonalData);
        identity.useAvatarCheck((tx, userId, mediaId) -> media.attachRefusal(tx, mediaId, userId::equals,
                "avatarMediaId", Set.of(MediaPurpose.IMAGE)));
        catalog.useEnrollments(commerce::isEnrolled);
        catalog.useCompletions(learning::completedLessons);
        catalog.useCourseCopier(learning::copyCourse);
        commerce.useProgress(learning::percents);
        commerce.useStudyTime(learning::studySeconds);
        media.addPlaybackCheck(catalog::mediaGrant);
        media.addUse(catalog::mediaUses);
        media.addUse(learning::mediaUses);
        media.addUse(identity::mediaUses);
        events.subscribeBatch("catalog.count-enrollment", EnrollmentCreated.class,
                (started, tx) -> catalog.adjustEnrollmentCounts(tx, countPerCourse(started, EnrollmentCreated::courseId, 1)));
        events.subscribeBatch("catalog.count-enrollment-ended", EnrollmentEnded.class,
                (ended, tx) -> catalog.adjustEnrollmentCounts(tx, countPerCourse(ended, EnrollmentEnded::courseId, -1)));
    }

    private static <E> Map<UUID, Integer> countPerCourse(List<E> events, Function<E, UUID> course, int each) {
        Map<UUID, Integer> deltas = new LinkedHashMap<>();
        events.forEach(e -> deltas.merge(course.apply(e), each, Integer::sum));
        return deltas;
    }
}
