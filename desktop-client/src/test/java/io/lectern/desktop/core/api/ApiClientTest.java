package io.lectern.desktop.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

    @Test
    void retryAfterInSecondsIsTheWait() {
        assertEquals(Duration.ofSeconds(120), ApiClient.retryAfter("120", NOW));
        assertEquals(Duration.ZERO, ApiClient.retryAfter(" 0 ", NOW));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThen() {
        assertEquals(Duration.ofMinutes(15), ApiClient.retryAfter("Sun, 22 Nov 2026 14:15:00 GMT", NOW));
        assertEquals(Duration.ZERO, ApiClient.retryAfter("Sun, 22 Nov 2026 13:00:00 GMT", NOW), "past dates mean no wait");
    }

    @Test
    void missingOrUnreadableRetryAfterIsNoWait() {
        assertNull(ApiClient.retryAfter(null, NOW));
        assertNull(ApiClient.retryAfter("", NOW));
        assertNull(ApiClient.retryAfter("soon", NOW));
        assertNull(ApiClient.retryAfter("-5", NOW));
        assertNull(ApiClient.retryAfter("99999999999999999999999", NOW));
    }
}
