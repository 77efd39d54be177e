package io.lectern.server.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.server.LecternServer;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without ffmpeg the demo is still whole: its welcome lessons are texts, and everything else (covers, handouts,
 * quizzes, projects, the learner's certificate, reviews) is there. The full demo with videos is checked by
 * {@code EmbeddedDefaultTest}, on the newcomer's path.
 */
class DemoSeedTest {

    private static LecternServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutFfmpegEveryCourseIsStillWholeAndTheSeedRunsOnce() {
        DemoSeed seed = new DemoSeed(server.modules().identity(), server.modules().catalog(), server.baseUri(),
                "/no/such/ffmpeg");
        DemoSeed.Report report = seed.seedIfEmpty().orElseThrow();
        DemoChecks.assertWholeDemo(new Http(server.baseUri()), report, "admin-password-for-tests", false);
        assertTrue(seed.seedIfEmpty().isEmpty(), "a catalog with courses is not seeded again");
    }
}
