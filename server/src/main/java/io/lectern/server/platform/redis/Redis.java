package io.lectern.server.platform.redis;

import java.net.URI;
import redis.clients.jedis.RedisClient;

/** The Redis connection pool (Jedis). Used for rate limits and cross-instance pub/sub fan-out. */
public final class Redis implements AutoCloseable {

    private final RedisClient client;
    private final String url;

    private Redis(RedisClient client, String url) {
        this.client = client;
        this.url = url;
    }

    public static Redis connect(String url) {
        RedisClient client = RedisClient.create(URI.create(url));
        Redis redis = new Redis(client, url);
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
