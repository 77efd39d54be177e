package io.lectern.server.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.Json;
import io.lectern.server.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

    record Transcode(String mediaId) {
    }

    private Database db;
    private JobRunner runner;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated("platform");
        runner = new JobRunner(db, Json.mapper(), Duration.ofMillis(100), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        runner.close();
        db.close();
    }

    private JobStatus awaitFinal(String type, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobStatus> s = runner.status(type, id);
            if (s.isPresent() && (s.get().state().equals("DONE") || s.get().state().equals("DEAD"))) {
                return s.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not finish: " + runner.status(type, id));
    }

    @Test
    void jobRunsWithItsDataAndShowsDone() throws Exception {
        StringBuilder seen = new StringBuilder();
        JobType<Transcode> type = runner.define("transcode", Transcode.class, 3, Duration.ofMillis(100),
                (data, attempt) -> seen.append(data.mediaId()));
        runner.start();
        assertTrue(runner.enqueue(type, "m1", new Transcode("m1")));
        JobStatus status = awaitFinal("transcode", "m1");
        assertEquals("DONE", status.state());
        assertEquals(1, status.attempts());
        assertEquals("m1", seen.toString());
    }

    @Test
    void failingJobIsRetriedUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JobType<Transcode> type = runner.define("flaky", Transcode.class, 4, Duration.ofMillis(100), (data, attempt) -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("ffmpeg crashed");
            }
        });
        runner.start();
        runner.enqueue(type, "m2", new Transcode("m2"));
        JobStatus status = awaitFinal("flaky", "m2");
        assertEquals("DONE", status.state());
        assertEquals(3, status.attempts());
    }

    @Test
    void jobThatAlwaysFailsEndsDeadWithItsReason() throws Exception {
        JobType<Transcode> type = runner.define("doomed", Transcode.class, 2, Duration.ofMillis(100), (data, attempt) -> {
            throw new IllegalStateException("corrupt input");
        });
        runner.start();
        runner.enqueue(type, "m3", new Transcode("m3"));
        JobStatus status = awaitFinal("doomed", "m3");
        assertEquals("DEAD", status.state());
        assertEquals("corrupt input", status.lastError());
    }

    @Test
    void enqueueingTheSameIdTwiceRunsOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JobType<Transcode> type = runner.define("once", Transcode.class, 1, Duration.ofMillis(100), (data, attempt) -> {
            Thread.sleep(300);
            calls.incrementAndGet();
        });
        runner.start();
        assertTrue(runner.enqueue(type, "m4", new Transcode("m4")));
        assertFalse(runner.enqueue(type, "m4", new Transcode("m4")));
        awaitFinal("once", "m4");
        assertEquals(1, calls.get());
    }
}
