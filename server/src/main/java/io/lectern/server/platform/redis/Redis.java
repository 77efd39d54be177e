package io.lectern.server.platform.redis;

import java.net.URI;
import redis.clients.jedis.RedisClient;

/** The Redis connection pool (Jedis). Used for rate limits and cross-instance pub/sub fan-out. */
public final class Redis implements AutoCloseable {

    private final RedisClient client;
    private final String url;
    private final String prefix;

    private Redis(RedisClient client, String url, String prefix) {
        this.client = client;
        this.url = url;
        this.prefix = prefix;
    }

    /** Connects; every key this server writes starts with {@code prefix} (several servers can share a Redis). */
    public static Redis connect(String url, String prefix) {
        RedisClient client = RedisClient.create(URI.create(url));
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
            return "PONG".equals(client.ping());
        } catch (RuntimeException e) {
            return false;
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
