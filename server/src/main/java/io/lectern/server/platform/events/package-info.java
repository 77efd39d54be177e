/**
 * Module-to-module events. {@link io.lectern.server.platform.events.EventBus#publish} runs in-transaction
 * listeners inside the publisher's transaction (for invariants) and writes one outbox row per outbox listener
 * in that same transaction; the {@link io.lectern.server.platform.events.OutboxDispatcher} delivers those rows
 * after commit, leased so that several server instances never deliver one row twice, with retries, backoff and
 * a dead-letter state.
 */
package io.lectern.server.platform.events;
