package io.lectern.server.platform;

import io.lectern.server.platform.security.RateLimiter;
import io.lectern.server.platform.security.SecretBox;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.idempotency.Idempotency;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.platform.redis.Broadcast;
import io.lectern.server.platform.redis.Redis;
import java.time.Clock;

/**
 * The shared plumbing every module's {@code register} receives: configuration, database, Redis, the event
 * bus, the job runner, JSON, the clock and id generator. Modules get nothing else from each other.
 *
 * @param config   validated configuration
 * @param db       PostgreSQL
 * @param redis    Redis
 * @param events   event bus (in-transaction and outbox)
 * @param jobs     background job runner
 * @param json     JSON reading and writing
 * @param clock    the clock (UTC)
 * @param ids      UUIDv7 generator
 * @param broadcast messages to every server instance (cache invalidation)
 * @param idempotency at most once per Idempotency-Key, for writes a client may retry
 * @param secrets   encryption of secrets at rest and HMACs (one key for the whole server)
 * @param limits    rate limits in Redis
 */
public record Platform(LecternConfig config, Database db, Redis redis, EventBus events, JobRunner jobs, Json json,
                       Clock clock, Ids ids, Broadcast broadcast, Idempotency idempotency,
                       SecretBox secrets, RateLimiter limits) {
}
