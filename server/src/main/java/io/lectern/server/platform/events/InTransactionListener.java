package io.lectern.server.platform.events;

import io.helidon.dbclient.DbTransaction;

/**
 * Reacts to an event inside the publisher's transaction; throwing aborts the whole transaction.
 *
 * @param <E> event type
 */
@FunctionalInterface
public interface InTransactionListener<E> {

    void on(E event, DbTransaction tx);
}
