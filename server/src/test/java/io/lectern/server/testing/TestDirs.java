package io.lectern.server.testing;

import io.lectern.server.platform.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The temporary directories of one test JVM, all under one root ({@code lectern-tests-*} in the system temp
 * directory) that is removed when the JVM exits, after the servers registered with {@link #closeFirst} have
 * stopped (a PostgreSQL cluster must stop before its files go). A JVM that was killed cannot clean up, so each new
 * root first removes the roots whose owner process is gone, stopping any PostgreSQL left running in them.
 */
public final class TestDirs {

    private static final String PREFIX = "lectern-tests-";
    private static final String OWNER = "owner.pid";
    private static final Deque<AutoCloseable> CLOSE_FIRST = new ArrayDeque<>();
    private static Path root;

    private TestDirs() {
    }

    /** A new empty directory, removed with this JVM's root when the JVM exits. */
    public static Path create(String prefix) {
        try {
            return Files.createTempDirectory(root(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes {@code resource} when the JVM exits, before the directories go (last registered, first closed). */
    public static synchronized void closeFirst(AutoCloseable resource) {
        root();
        CLOSE_FIRST.push(resource);
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                removeAbandoned(tmp);
                root = Files.createTempDirectory(tmp, PREFIX);
                Files.writeString(root.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDirs::cleanUp, "test-dirs-cleanup"));
        }
        return root;
    }

    private static synchronized void cleanUp() {
        while (!CLOSE_FIRST.isEmpty()) {
            try {
                CLOSE_FIRST.pop().close();
            } catch (Exception e) {
                System.err.println("test cleanup: " + e.getMessage());
            }
        }
        deleteTree(root);
    }

    static void removeAbandoned(Path tmp) throws IOException {
        try (Stream<Path> roots = Files.list(tmp)) {
            roots.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .filter(TestDirs::abandoned)
                    .forEach(p -> {
                        stopPostgresUnder(p);
                        deleteTree(p);
                    });
        }
    }

    private static boolean abandoned(Path candidate) {
        Optional<Long> owner = pidIn(candidate.resolve(OWNER));
        if (owner.isPresent()) {
            return ProcessHandle.of(owner.get()).map(ph -> !ph.isAlive()).orElse(true);
        }
        try {
            // a root without its owner file is either being created right now or was cut short long ago
            Instant made = Files.getLastModifiedTime(candidate).toInstant();
            return made.isBefore(Instant.now().minus(Duration.ofMinutes(10)));
        } catch (IOException e) {
            return false;
        }
    }

    private static void stopPostgresUnder(Path abandoned) {
        try (Stream<Path> files = Files.find(abandoned, 4, (p, a) -> p.getFileName().toString().equals("postmaster.pid"))) {
            files.forEach(pidFile -> pidIn(pidFile).flatMap(ProcessHandle::of).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
            }));
        } catch (IOException | UncheckedIOException e) {
            System.err.println("test cleanup: cannot look into " + abandoned + ": " + e.getMessage());
        }
    }

    private static Optional<Long> pidIn(Path file) {
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("").strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path top) {
        try {
            FileTrees.delete(top);
        } catch (IOException e) {
            System.err.println("test cleanup: cannot remove " + top + ": " + e.getMessage());
        }
    }
}
