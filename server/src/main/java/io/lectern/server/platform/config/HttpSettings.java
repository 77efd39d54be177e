package io.lectern.server.platform.config;

import java.time.Duration;
import java.util.List;

/**
 * How the server faces browsers and operators.
 *
 * @param corsOrigins    browser origins (such as {@code https://learn.example.com}) allowed to call the API from their
 *                       pages; none by default, so browsers refuse cross-origin calls
 * @param managementPort port of {@code /metrics} and detailed health ({@code 0} picks a free one, {@code -1} turns
 *                       them off); the API port serves only terse health
 * @param managementHost interface of the management port; loopback by default
 * @param headerTimeout  how long a new connection may take to send its first request head (slow-header clients)
 */
public record HttpSettings(List<String> corsOrigins, int managementPort, String managementHost, Duration headerTimeout) {

    public HttpSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static final HttpSettings DEFAULTS = new HttpSettings(List.of(), 8081, "127.0.0.1", Duration.ofSeconds(10));

    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(origins, managementPort, managementHost, headerTimeout);
    }

    public HttpSettings withManagementPort(int port) {
        return new HttpSettings(corsOrigins, port, managementHost, headerTimeout);
    }

    public HttpSettings withHeaderTimeout(Duration timeout) {
        return new HttpSettings(corsOrigins, managementPort, managementHost, timeout);
    }

    public boolean management() {
        return managementPort >= 0;
    }
}
