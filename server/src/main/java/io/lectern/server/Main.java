package io.lectern.server;

import io.lectern.server.platform.config.ConfigException;
import io.lectern.server.platform.config.ConfigLoader;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.db.DatabaseUnavailableException;
import io.lectern.server.platform.embedded.EmbeddedStartException;
import io.lectern.server.platform.redis.RedisUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * Starts Lectern: {@code server} (default) runs it; {@code seed-demo} seeds the demo catalog into the
 * configured database and exits. Failures a user can fix end in one line on stderr and exit code 2.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        String command = args.length > 0 ? args[0] : "server";
        PrintStream out = System.out;
        try {
            LecternConfig config = ConfigLoader.load(System.getenv(), LecternServer.SETTINGS);
            switch (command) {
                case "server" -> serve(config, out);
                case "seed-demo" -> seed(config, out);
                default -> fail("unknown command '" + command + "'; use 'server' or 'seed-demo'.");
            }
        } catch (ConfigException | EmbeddedStartException | DatabaseUnavailableException
                 | RedisUnavailableException | PortCheck.PortInUseException e) {
            fail(e.getMessage());
        }
    }

    private static void serve(LecternConfig config, PrintStream out) {
        LecternServer server = LecternServer.create(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lectern-shutdown"));
        LecternServer.StartReport report;
        try {
            report = server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        Banner.print(out, config, server, report);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void seed(LecternConfig config, PrintStream out) {
        try (LecternServer server = LecternServer.create(config.withSeedDemo(true).withPort(0)
                .withHttp(config.http().withManagementPort(-1)))) {
            LecternServer.StartReport report = server.start();
            out.println(report.seeded() ? "Seeded the demo catalog." : "The catalog already has courses (or the demo "
                    + "accounts exist); nothing seeded.");
            report.admin().generatedPassword().ifPresent(p -> out.println("Admin " + report.admin().admin().email()
                    + " password: " + p));
            report.demo().ifPresent(d -> d.accounts().stream().filter(io.lectern.server.demo.DemoSeed.Account::shown)
                    .forEach(a -> out.println(a.role().name().toLowerCase(java.util.Locale.ROOT) + " " + a.email()
                            + " password: " + a.password())));
        }
    }

    private static void fail(String message) {
        System.err.println("lectern: " + message);
        System.exit(2);
    }

    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("lectern: cannot read logging.properties: " + e.getMessage());
        }
    }
}
