package io.lectern.server.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The pid a child server wrote in the first line of its pid file (PostgreSQL's postmaster.pid, Redis's). */
final class PidFile {

    private PidFile() {
    }

    /** The process named in {@code file} while it runs; empty when there is no file or it has ended. */
    static Optional<ProcessHandle> running(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(file).getFirst().strip()))
                    .filter(ProcessHandle::isAlive);
        } catch (RuntimeException e) {
            throw new IOException("unreadable pid file " + file, e);
        }
    }

    /** Whether the process named in {@code file} runs; a file being written or removed counts as running. */
    static boolean alive(Path file) {
        try {
            return running(file).isPresent();
        } catch (IOException e) {
            return true; // look again next time
        }
    }
}
