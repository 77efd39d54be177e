package io.lectern.server.platform.config;

/** A setting is missing or wrong; the message names the key and says what to fix. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
