package io.lectern.server.identity.internal;

/**
 * Where a request came from, for rate limits, sessions and the audit log.
 *
 * @param ip        client address
 * @param userAgent client name, may be null
 */
public record Origin(String ip, String userAgent) {
}
