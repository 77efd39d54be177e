package io.lectern.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Load from {@code clients} workers for a while, closed-loop (each sends one request after another) or paced (requests
 * start at a fixed rate); every request's latency is kept, so percentiles are exact. Failed requests are counted and
 * reported, never hidden.
 */
final class LoadRunner {

    /**
     * What a run measured.
     *
     * @param name       what was measured
     * @param latencies  sorted latencies in nanoseconds
     * @param failures   requests that failed
     * @param wall       how long the run lasted
     */
    record Result(String name, List<Long> latencies, long failures, Duration wall) {

        double throughput() {
            return latencies.size() / (wall.toNanos() / 1e9);
        }

        double millis(double percentile) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1;
            return latencies.get(Math.max(0, Math.min(latencies.size() - 1, index))) / 1e6;
        }

        String line() {
            return String.format(java.util.Locale.ROOT, "%-34s %9.1f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms"
                    + "  max %7.1f ms  n=%d  failed=%d", name, throughput(), millis(50), millis(95), millis(99),
                    millis(100), latencies.size(), failures);
        }
    }

    private LoadRunner() {
    }

    /**
     * Runs {@code work} from {@code clients} workers for {@code duration}; worker {@code w}'s {@code i}-th request
     * is {@code work.apply(...)} of a running counter, so workers spread over the request mix.
     */
    static Result run(String name, int clients, Duration duration, IntFunction<Callable<Boolean>> work) {
        return run(name, clients, duration, 0, work);
    }

    /**
     * Requests due at {@code perSecond}, evenly spaced, sent by {@code clients} workers: a request's latency counts
     * from when it was due, so time spent waiting for a free worker while the server falls behind counts too.
     */
    static Result paced(String name, int clients, Duration duration, double perSecond,
                        IntFunction<Callable<Boolean>> work) {
        return run(name, clients, duration, perSecond, work);
    }

    private static Result run(String name, int clients, Duration duration, double perSecond,
                              IntFunction<Callable<Boolean>> work) {
        List<List<Long>> perClient = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                List<Long> mine = new ArrayList<>();
                perClient.add(mine);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int index = (int) counter.getAndIncrement();
                        Callable<Boolean> request = work.apply(index);
                        long t0 = System.nanoTime();
                        if (perSecond > 0) {
                            t0 = start + (long) (index * 1e9 / perSecond);
                            if (t0 >= end) {
                                break;
                            }
                            for (long wait = t0 - System.nanoTime(); wait > 0; wait = t0 - System.nanoTime()) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        boolean ok;
                        try {
                            ok = request.call();
                        } catch (Exception e) {
                            ok = false;
                        }
                        long took = System.nanoTime() - t0;
                        if (ok) {
                            mine.add(took);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        List<Long> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        Collections.sort(all);
        return new Result(name, all, failures.get(), wall);
    }
}
