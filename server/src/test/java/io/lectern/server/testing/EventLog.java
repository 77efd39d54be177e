package io.lectern.server.testing;

import io.lectern.server.platform.events.EventBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Records events as an outbox listener receives them, after commit, through the server's real event bus and
 * dispatcher: a test subscribes, acts through the API, then waits for what was announced.
 */
public final class EventLog {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    /** Subscribes to each type under a name unique to this log. */
    public static EventLog subscribe(EventBus bus, Class<?>... types) {
        EventLog log = new EventLog();
        String prefix = "test.log-" + System.identityHashCode(log) + ".";
        for (Class<?> type : types) {
            bus.subscribe(prefix + type.getSimpleName(), type, (event, delivery) -> log.events.add(event));
        }
        return log;
    }

    /** The events of {@code type} matching {@code filter}, waiting up to 15 s for at least {@code count}. */
    public <E> List<E> await(Class<E> type, Predicate<E> filter, int count) {
        return Accounts.waitFor(() -> {
            List<E> found = all(type, filter);
            return found.size() >= count ? found : null;
        }, count + " " + type.getSimpleName() + " event(s)");
    }

    public <E> List<E> all(Class<E> type, Predicate<E> filter) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }
}
