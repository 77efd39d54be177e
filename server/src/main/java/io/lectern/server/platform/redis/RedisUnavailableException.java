package io.lectern.server.platform.redis;

/** Redis cannot be reached. */
public final class RedisUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RedisUnavailableException(String message) {
        super(message);
    }
}
