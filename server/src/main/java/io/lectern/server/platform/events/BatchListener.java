package io.lectern.server.platform.events;

import io.helidon.dbclient.DbTransaction;
import java.util.List;

/**
 * An outbox listener that takes several events at once, for work that is cheaper done together (one statement for
 * many rows). Its database work through {@code tx} commits with the mark that all of them were delivered, so it
 * happens exactly once; it should do nothing outside the database. When the batch fails, each event is retried
 * alone, as a batch of one.
 *
 * @param <E> event type
 */
@FunctionalInterface
public interface BatchListener<E> {

    /** Handles {@code events}, in the order they were published. */
    void on(List<E> events, DbTransaction tx) throws Exception;
}
