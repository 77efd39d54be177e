package io.lectern.server.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbTransaction;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Writes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-process event bus modules use to talk without knowing each other. Events are past-tense records
 * ({@code CoursePublished}); subscribe at start-up, publish inside the transaction that made the change.
 */
public final class EventBus {

    /** An outbox subscription, addressed by a name that must stay stable across releases; one listener is set. */
    record Subscription<E>(String name, Class<E> type, OutboxListener<E> listener, BatchListener<E> batch) {
    }

    private final Map<Class<?>, List<InTransactionListener<?>>> inTransaction = new ConcurrentHashMap<>();
    private final Map<String, Subscription<?>> outbox = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final Ids ids;

    public EventBus(ObjectMapper mapper, Ids ids) {
        this.mapper = mapper;
        this.ids = ids;
    }

    public <E> void onTransaction(Class<E> type, InTransactionListener<E> listener) {
        inTransaction.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Subscribes an outbox listener.
     *
     * @param name stable, unique name such as {@code notify.mail-on-enrollment}; pending rows refer to it
     */
    public <E> void subscribe(String name, Class<E> type, OutboxListener<E> listener) {
        add(new Subscription<>(name, type, listener, null));
    }

    /** Subscribes an outbox listener that takes the events pending for it together (see {@link BatchListener}). */
    public <E> void subscribeBatch(String name, Class<E> type, BatchListener<E> listener) {
        add(new Subscription<>(name, type, null, listener));
    }

    private void add(Subscription<?> subscription) {
        if (outbox.putIfAbsent(subscription.name(), subscription) != null) {
            throw new IllegalStateException("Two outbox listeners are named " + subscription.name());
        }
    }

    /** Runs in-transaction listeners and enqueues the event for every outbox listener, all in {@code tx}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void publish(DbTransaction tx, Object event) {
        for (InTransactionListener listener : inTransaction.getOrDefault(event.getClass(), List.of())) {
            listener.on(event, tx);
        }
        Writes writes = new Writes();
        enqueue(writes, event);
        writes.run(tx);
    }

    /**
     * Enqueues the event for every outbox listener as part of {@code writes}, so it is written with them or not at
     * all. Only for events without in-transaction listeners (they need the transaction): publish those with
     * {@link #publish(DbTransaction, Object)}.
     */
    public void publish(Writes writes, Object event) {
        if (inTransaction.containsKey(event.getClass())) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " has in-transaction listeners; "
                    + "publish it in a transaction");
        }
        enqueue(writes, event);
    }

    private void enqueue(Writes writes, Object event) {
        List<String> listeners = outbox.values().stream().filter(s -> s.type().isInstance(event))
                .map(Subscription::name).toList();
        if (listeners.isEmpty()) {
            return;
        }
        List<String> rowIds = listeners.stream().map(l -> ids.next().toString()).toList();
        writes.add(writes.freeName("outbox"), """
                INSERT INTO platform.outbox (id, event_type, listener, payload)
                SELECT r.id, ?, r.listener, ?::jsonb FROM unnest(?::uuid[], ?::text[]) AS r(id, listener)""",
                event.getClass().getName(), serialize(event), rowIds.toArray(String[]::new),
                listeners.toArray(String[]::new));
    }

    /** The names of the outbox listeners, sorted. */
    List<String> listenerNames() {
        return outbox.keySet().stream().sorted().toList();
    }

    Optional<Subscription<?>> subscription(String name) {
        return Optional.ofNullable(outbox.get(name));
    }

    Object deserialize(String payload, Class<?> type) throws JsonProcessingException {
        return mapper.readValue(payload, type);
    }

    private String serialize(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getName() + " cannot be written as JSON", e);
        }
    }
}
