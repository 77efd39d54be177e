package io.lectern.server.platform.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;

/**
 * Messages to every server instance through Redis pub/sub (fire and forget: an instance that misses one must not
 * lose correctness, so listeners use it to drop caches early, never as the only path). One background thread
 * holds the subscription and reconnects after Redis hiccups; listeners run on it and must be quick.
 */
public final class Broadcast implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Broadcast.class.getName());

    private final Redis redis;
    private final Map<String, CopyOnWriteArrayList<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile JedisPubSub subscription;
    private Thread thread;

    public Broadcast(Redis redis) {
        this.redis = redis;
    }

    /** Sends {@code message} to every instance's listeners of {@code channel}, this one's included. */
    public void publish(String channel, String message) {
        if (redis.attempt(() -> redis.client().publish(redis.key("bc:" + channel), message)).isEmpty()) {
            // Redis is away (logged once): this instance drops its copies now, the others rely on expiry
            listeners.getOrDefault(channel, new CopyOnWriteArrayList<>()).forEach(l -> l.accept(message));
        }
    }

    /** Registers a listener; subscribe everything before {@link #start()}. */
    public void subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public synchronized void start() {
        if (thread != null || listeners.isEmpty()) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name("lectern-broadcast").start(this::listen);
    }

    private void listen() {
        String[] channels = listeners.keySet().stream().map(c -> redis.key("bc:" + c)).toArray(String[]::new);
        String prefix = redis.key("bc:");
        while (!closed) {
            JedisPubSub pubsub = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String message) {
                    listeners.getOrDefault(channel.substring(prefix.length()), new CopyOnWriteArrayList<>())
                            .forEach(l -> l.accept(message));
                }
            };
            subscription = pubsub;
            try {
                redis.client().subscribe(pubsub, channels);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "Broadcast subscription dropped; reconnecting", e);
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        JedisPubSub s = subscription;
        if (s != null && s.isSubscribed()) {
            try {
                s.unsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is going away anyway
            }
        }
    }
}
