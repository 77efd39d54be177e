package io.lectern.server.platform.embedded;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * How to run PostgreSQL's programs, which refuse to run as root. As a normal user they run directly. As root
 * they run in a fresh user namespace ({@code unshare -U}: unprivileged inside, yet the owner of root's files),
 * or where namespaces are not allowed (some containers) as {@code nobody} via {@code setpriv}.
 */
enum Privileges {
    DIRECT, USER_NAMESPACE, NOBODY;

    private static final Logger LOG = Logger.getLogger(Privileges.class.getName());

    static Privileges detect() {
        if (new UnixSystem().getUid() != 0) {
            return DIRECT;
        }
        if (new Command(List.of("unshare", "-U", "true")).run(10).ok()) {
            return USER_NAMESPACE;
        }
        return NOBODY;
    }

    List<String> wrap(List<String> command) {
        List<String> all = new ArrayList<>();
        switch (this) {
            case USER_NAMESPACE -> all.addAll(List.of("unshare", "-U"));
            case NOBODY -> all.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            default -> { }
        }
        all.addAll(command);
        return all;
    }

    /**
     * Lets the unprivileged user own a directory tree it must write (only needed when running as nobody), and reach
     * it: a directory on the way that others may not pass through (such as {@code /root}, 0700) gets search
     * permission for others (o+x: entering by name, not listing), and the log says which.
     */
    void handOver(Path dir) {
        if (this != NOBODY) {
            return;
        }
        List<Path> opened = new ArrayList<>();
        try {
            for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(up);
                if (perms.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(up, perms);
                    opened.add(up);
                }
            }
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot let user 'nobody' reach " + dir + " for PostgreSQL: "
                    + e.getMessage() + ". Set LECTERN_DATA_DIR to a directory every user can reach.", e);
        }
        if (!opened.isEmpty()) {
            LOG.warning(() -> "PostgreSQL runs as 'nobody' (root, and user namespaces are not allowed here): others "
                    + "may now pass through " + opened + " (o+x, not list) to reach its cluster.");
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            var nobody = lookup.lookupPrincipalByName("nobody");
            GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
            for (Path p : tree.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(nobody);
                view.setGroup(nogroup);
            }
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot hand " + dir + " to user 'nobody' for PostgreSQL: " + e.getMessage()
                    + ". Set LECTERN_DATA_DIR to a directory outside /root.", e);
        }
    }
}
