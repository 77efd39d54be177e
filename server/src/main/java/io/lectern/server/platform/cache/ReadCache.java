package io.lectern.server.platform.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small in-memory cache for read models that other instances may change: entries expire after a time to live,
 * are dropped early when told ({@link #invalidate}, usually from a {@link io.lectern.server.platform.redis.Broadcast}),
 * and a value read while an invalidation happened is never stored, so a reader that raced a writer cannot keep a
 * stale copy. Bounded: when full, expired entries go first, then everything (rare; the data is in the database).
 *
 * @param <K> key
 * @param <V> value
 */
public final class ReadCache<K, V> {

    private record Entry<V>(V value, long expiresAt, Object tag) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    public ReadCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * The cached value, or {@code load}'s (cached unless an invalidation ran meanwhile). {@code tagOf} says what a
     * value is about, so {@link #invalidate(Predicate)} can find it (e.g. the course id of a page cached by slug).
     */
    public V get(K key, Supplier<V> load, Function<V, Object> tagOf) {
        long now = clock.millis();
        Entry<V> e = entries.get(key);
        if (e != null && e.expiresAt() > now) {
            return e.value();
        }
        long before = epoch.get();
        V value = load.get();
        if (value != null && epoch.get() == before) {
            if (entries.size() >= maxEntries) {
                entries.values().removeIf(x -> x.expiresAt() <= now);
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
            }
            entries.put(key, new Entry<>(value, now + ttl.toMillis(), tagOf.apply(value)));
        }
        return value;
    }

    /** Drops the entries whose tag matches. */
    public void invalidate(Predicate<Object> tag) {
        epoch.incrementAndGet();
        entries.values().removeIf(e -> tag.test(e.tag()));
    }

    public void invalidateAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

}
