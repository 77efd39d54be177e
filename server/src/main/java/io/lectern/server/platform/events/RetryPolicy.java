package io.lectern.server.platform.events;

import java.time.Duration;

/**
 * How often and how patiently a failing outbox delivery is retried before it is parked as dead.
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstDelay  wait after the first failure; doubles each time
 * @param maxDelay    the longest wait between attempts
 * @param lease       how long a dispatcher owns a claimed row before another may take it
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration lease) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(30),
            Duration.ofMinutes(2));

    Duration delayAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
