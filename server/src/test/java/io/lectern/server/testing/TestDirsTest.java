package io.lectern.server.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Test runs clean up after themselves, and after earlier runs that were killed before they could. */
class TestDirsTest {

    @Test
    void rootsOfDeadRunsAreRemovedAndLiveOnesKept() throws Exception {
        Path tmp = TestDirs.create("sweep-");
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path dead = root(tmp, "lectern-tests-dead", finished.pid());
        Files.createDirectories(dead.resolve("lectern-test-pg-1/data"));
        Files.writeString(dead.resolve("lectern-test-pg-1/data/PG_VERSION"), "18\n");
        Path live = root(tmp, "lectern-tests-live", ProcessHandle.current().pid());
        Path unrelated = Files.createDirectory(tmp.resolve("someone-elses"));

        TestDirs.removeAbandoned(tmp);

        assertFalse(Files.exists(dead), "the killed run's files are gone");
        assertTrue(Files.exists(live.resolve("owner.pid")), "a running JVM keeps its files");
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void thisRunsDirectoriesLiveUnderOneRootItOwns() throws Exception {
        Path dir = TestInfra.tempDir("anything-");
        Path root = dir.getParent();
        assertTrue(root.getFileName().toString().startsWith("lectern-tests-"));
        assertTrue(Files.readString(root.resolve("owner.pid")).equals(Long.toString(ProcessHandle.current().pid())));
    }

    private static Path root(Path tmp, String name, long pid) throws Exception {
        Path root = Files.createDirectory(tmp.resolve(name));
        Files.writeString(root.resolve("owner.pid"), Long.toString(pid));
        return root;
    }
}
