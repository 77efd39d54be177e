package io.lectern.server.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.redis.Redis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token-bucket rate limits shared by every server instance, kept in Redis by Bucket4j. Keys are hashed
 * (no email address is stored in Redis) and expire once their bucket would be full again. While Redis cannot be
 * reached, each instance keeps the same limits in memory: guessing stays limited (per instance), nobody is locked out
 * because Redis is gone, and the shared buckets take over again once it answers.
 */
public final class RateLimiter {

    /**
     * A limit: {@code capacity} events per {@code period}, refilled gradually.
     *
     * @param name     stable name, part of the Redis key
     * @param capacity events allowed per period
     * @param period   the period
     * @param code     problem code when exceeded
     */
    public record Limit(String name, long capacity, Duration period, String code) {
    }

    /**
     * The result of a check.
     *
     * @param allowed    whether the event may proceed
     * @param remaining  tokens left after this one
     * @param retryAfter how long until it would be allowed (zero when allowed)
     */
    public record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    private static final int MAX_LOCAL_BUCKETS = 100_000;

    private final ProxyManager<String> buckets;
    private final Redis redis;
    private final int factor;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();

    public RateLimiter(Redis redis, int factor) {
        this.redis = redis;
        this.factor = factor;
        this.buckets = Bucket4jJedis.casBasedBuilder(redis.client()).keyMapper(Mapper.STRING)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build();
    }

    /** Takes one token for {@code subject}; never throws. */
    public Decision tryConsume(Limit limit, String subject) {
        ConsumptionProbe probe = use(limit, subject, b -> b.tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? new Decision(true, probe.getRemainingTokens(), Duration.ZERO)
                : new Decision(false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Takes one token or throws 429 with {@code Retry-After}. */
    public void consume(Limit limit, String subject) {
        Decision d = tryConsume(limit, subject);
        if (!d.allowed()) {
            throw tooMany(limit, d.retryAfter());
        }
    }

    /** Whether one token could be taken now, without taking it. */
    public boolean available(Limit limit, String subject) {
        return use(limit, subject, b -> b.estimateAbilityToConsume(1)).canBeConsumed();
    }

    /** Throws 429 if the bucket is empty, without taking a token (lockouts: only failures take tokens). */
    public void requireAvailable(Limit limit, String subject) {
        EstimationProbe probe = use(limit, subject, b -> b.estimateAbilityToConsume(1));
        if (!probe.canBeConsumed()) {
            throw tooMany(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Forgets a subject's bucket (a successful sign-in clears its failures). */
    public void reset(Limit limit, String subject) {
        String key = key(limit, subject);
        local.remove(key);
        redis.attempt(() -> {
            buckets.removeProxy(key);
            return key;
        });
    }

    /** Runs {@code op} on the shared bucket, or on this instance's own while Redis cannot be reached. */
    private <T> T use(Limit limit, String subject, Function<Bucket, T> op) {
        String key = key(limit, subject);
        Optional<T> shared = redis.attempt(() -> op.apply(buckets.builder().build(key,
                () -> BucketConfiguration.builder().addLimit(bandwidth(limit)).build())));
        if (shared.isPresent()) {
            if (!local.isEmpty()) {
                local.clear(); // Redis is back: what was counted meanwhile no longer applies
            }
            return shared.get();
        }
        if (local.size() > MAX_LOCAL_BUCKETS) {
            local.clear();
        }
        return op.apply(local.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth(limit)).build()));
    }

    private Bandwidth bandwidth(Limit limit) {
        long capacity = limit.capacity() * factor;
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limit.period()).build();
    }

    private String key(Limit limit, String subject) {
        return redis.key("rl:" + limit.name() + ":" + sha256(subject));
    }

    private static ApiException tooMany(Limit limit, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ApiException(429, limit.code(), "Too many attempts. Try again in " + humane(seconds) + ".",
                java.util.List.of(), Map.of("Retry-After", Long.toString(seconds)));
    }

    private static String humane(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
