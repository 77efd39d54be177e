package io.lectern.server;

import io.lectern.server.catalog.CatalogService;
import io.lectern.server.commerce.CommerceService;
import io.lectern.server.commerce.EnrollmentCreated;
import io.lectern.server.commerce.EnrollmentEnded;
import io.lectern.server.learning.LearningService;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.events.EventBus;

/**
 * Connects modules that may not know each other (the catalog sells nothing, yet needs to know who is enrolled and
 * how many are): ports are plugged with facade methods, and events are carried to facades by outbox listeners.
 * Only the composition root sees both sides, so the modules stay free of cycles.
 */
final class ModuleWiring {

    private ModuleWiring() {
    }

    static void connect(EventBus events, CatalogService catalog, CommerceService commerce, MediaService media,
                        LearningService learning) {
        catalog.useEnrollments(commerce::isEnrolled);
        catalog.useCompletions(learning::completedLessons);
        media.usePlaybackCheck(catalog::mediaGrant);
        events.subscribe("catalog.count-enrollment", EnrollmentCreated.class,
                (e, delivery) -> catalog.adjustEnrollmentCount(delivery.tx(), e.courseId(), 1));
        events.subscribe("catalog.count-enrollment-ended", EnrollmentEnded.class,
                (e, delivery) -> catalog.adjustEnrollmentCount(delivery.tx(), e.courseId(), -1));
    }
}
