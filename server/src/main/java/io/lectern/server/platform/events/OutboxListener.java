package io.lectern.server.platform.events;

/**
 * Reacts to an event after the publisher committed. Database work done through {@link Delivery#tx()} commits
 * together with the mark that the event was delivered, so it happens exactly once; other side effects (mail,
 * HTTP) should use {@link Delivery#id()} as their idempotency key, since a crash can repeat a delivery.
 * Throwing schedules a retry with backoff; after the last attempt the delivery is parked as dead. Each event is
 * delivered in its own transaction (a failure never repeats another event's effects); for many events that are
 * cheaper handled together, use a {@link BatchListener}.
 *
 * @param <E> event type
 */
@FunctionalInterface
public interface OutboxListener<E> {

    void on(E event, Delivery delivery) throws Exception;
}
