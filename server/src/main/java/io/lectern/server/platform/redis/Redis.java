package io.lectern.server.platform.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The Redis connection pool (Jedis). Used for rate limits, the revocation copy and cross-instance pub/sub fan-out,
 * all of which have a fallback: Redis being lost degrades Lectern, it does not stop it.
 *
 * <p>Commands wait at most {@value #COMMAND_MILLIS} ms. Callers run them through {@link #attempt}: once one fails,
 * the others skip Redis for {@link #RETRY_AFTER} (and use their fallback) instead of each waiting for it, then one
 * tries again.
 */
public final class Redis implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Redis.class.getName());
    private static final int CONNECT_MILLIS = 500;
    private static final int COMMAND_MILLIS = 1000;
    /** How long callers skip Redis after it failed. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final RedisClient client;
    private final String url;
    private final String prefix;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAt;

    private Redis(RedisClient client, String url, String prefix) {
        this.client = client;
        this.url = url;
        this.prefix = prefix;
    }

    /** Connects; every key this server writes starts with {@code prefix} (several servers can share a Redis). */
    public static Redis connect(String url, String prefix) {
        URI uri = URI.create(url);
        RedisClient client = RedisClient.builder().hostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())
                .clientConfig(DefaultJedisClientConfig.builder(uri).connectionTimeoutMillis(CONNECT_MILLIS)
                        .socketTimeoutMillis(COMMAND_MILLIS).build())
                .build();
        Redis redis = new Redis(client, url, prefix);
        if (!redis.isReachable()) {
            client.close();
            throw new RedisUnavailableException("Cannot reach Redis at " + url
                    + ". Check LECTERN_REDIS_URL, or unset it to use the embedded Redis.");
        }
        return redis;
    }

    public RedisClient client() {
        return client;
    }

    /** The full key for a server-relative name, e.g. {@code key("rl:login")} → {@code lectern:rl:login}. */
    public String key(String name) {
        return prefix + name;
    }

    public boolean isReachable() {
        try {
            boolean pong = "PONG".equals(client.ping());
            answered();
            return pong;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /**
     * Runs {@code command} (Redis work, returning non-null) unless Redis was just found unreachable; empty when it was
     * skipped or failed, for the caller's fallback. A failure is logged once (one line) until Redis answers again.
     */
    public <T> Optional<T> attempt(Supplier<T> command) {
        if (down.get() && System.nanoTime() - retryAt < 0) {
            return Optional.empty();
        }
        try {
            T result = command.get();
            answered();
            return Optional.of(result);
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    private void failed(RuntimeException e) {
        retryAt = System.nanoTime() + RETRY_AFTER.toNanos();
        if (down.compareAndSet(false, true)) {
            LOG.warning(() -> this + " cannot be reached (" + e.getClass().getSimpleName() + "): rate limits are "
                    + "kept per instance, revocations checked in PostgreSQL and cache drops stay local until it answers.");
        }
    }

    private void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info(() -> this + " answers again.");
        }
    }

    @Override
    public String toString() {
        return "Redis[" + url.replaceAll("//[^@/]*@", "//***@") + "]";
    }

    @Override
    public void close() {
        client.close();
    }
}
