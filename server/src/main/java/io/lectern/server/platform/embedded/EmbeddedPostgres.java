package io.lectern.server.platform.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server run from the Maven Central binaries. The cluster lives in {@code baseDir/data} and is
 * reused on the next start; the superuser password is generated once and kept beside it (mode 0600). It
 * listens on 127.0.0.1 only, on a free port chosen at each start.
 */
public final class EmbeddedPostgres implements AutoCloseable, Supervisor.Supervised {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    private static final String SUPERUSER = "lectern";

    private final Path install;
    private final Path cluster;
    private final Privileges privileges;
    private final String password;
    private final int port;
    private final Path log;
    private final boolean durable;

    private EmbeddedPostgres(Path install, Path cluster, Privileges privileges, String password, int port, Path log,
                             boolean durable) {
        this.install = install;
        this.cluster = cluster;
        this.privileges = privileges;
        this.password = password;
        this.port = port;
        this.log = log;
        this.durable = durable;
    }

    /**
     * Starts (initialising on first use) the cluster under {@code baseDir}.
     *
     * @param baseDir  directory holding the cluster, its password and its log
     * @param cacheDir where the binaries are unpacked (shared between clusters)
     * @param durable  false turns off fsync: for throw-away test clusters only
     */
    public static EmbeddedPostgres start(Path baseDir, Path cacheDir, boolean durable) {
        Privileges privileges = Privileges.detect();
        Path install = PostgresBinaries.install(cacheDir);
        Path cluster = baseDir.resolve("data");
        try {
            Files.createDirectories(baseDir);
            String password = passwordIn(baseDir);
            privileges.handOver(baseDir);
            if (!Files.isRegularFile(cluster.resolve("PG_VERSION"))) {
                initdb(install, cluster, baseDir.resolve("password"), privileges);
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(install, cluster, privileges, password, freePort(),
                    baseDir.resolve("postgres.log"), durable);
            pg.stopOrphan();
            pg.pgCtlStart();
            return pg;
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot prepare PostgreSQL under " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private static String passwordIn(Path baseDir) throws IOException {
        Path file = baseDir.resolve("password");
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    private static void initdb(Path install, Path cluster, Path pwfile, Privileges privileges) {
        LOG.info(() -> "Initialising a new PostgreSQL cluster in " + cluster);
        new Command(privileges.wrap(List.of(install.resolve("bin/initdb").toString(), "-D", cluster.toString(),
                "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C",
                "--no-sync"))).runOrThrow(120, "initdb");
    }

    /** A server left running by a process that died holds the cluster; our data-dir lock says it is orphaned. */
    private void stopOrphan() {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            LOG.info("Stopping a PostgreSQL left running by an earlier Lectern on this data directory");
            new Command(privileges.wrap(List.of(install.resolve("bin/pg_ctl").toString(), "-D", cluster.toString(),
                    "-m", "immediate", "-w", "stop"))).run(60);
        }
    }

    private void pgCtlStart() {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-k", System.getProperty("java.io.tmpdir"), "-c", "max_connections=200", "-c", "shared_buffers=256MB"));
        if (!durable) {
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        Command.Result result = new Command(privileges.wrap(List.of(install.resolve("bin/pg_ctl").toString(), "-D",
                cluster.toString(), "-l", log.toString(), "-o", String.join(" ", options), "-w", "-t", "90",
                "start"))).run(120);
        if (!result.ok()) {
            String tail = readTail(log).orElse(result.output());
            throw new EmbeddedStartException("PostgreSQL did not start: " + Command.lastLines(tail));
        }
    }

    private static Optional<String> readTail(Path log) {
        try {
            return Optional.of(Files.readString(log));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String name() {
        return "Embedded PostgreSQL";
    }

    /** Whether the postmaster named in the cluster's pid file runs. */
    @Override
    public boolean alive() {
        return PidFile.alive(cluster.resolve("postmaster.pid"));
    }

    /** Starts the cluster again on the same port (after a crash or a kill; recovery replays its WAL). */
    @Override
    public void restart() {
        pgCtlStart();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new EmbeddedStartException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        new Command(privileges.wrap(List.of(install.resolve("bin/pg_ctl").toString(), "-D", cluster.toString(),
                "-m", "fast", "-w", "stop"))).run(60);
    }
}
