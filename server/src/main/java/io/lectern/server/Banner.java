package io.lectern.server;

import io.lectern.server.demo.DemoSeed;
import io.lectern.server.identity.IdentitySettings;
import io.lectern.server.platform.config.LecternConfig;
import java.io.PrintStream;

/** The start-up message: where Lectern listens, where its data lives, and how the admin signs in. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, LecternConfig config, LecternServer server, LecternServer.StartReport report) {
        String url = "http://localhost:" + server.port();
        out.println();
        out.println("  Lectern is running at " + url);
        out.println("    health    " + url + "/health/ready");
        out.println("    catalog   " + url + "/api/v1/courses");
        out.println("    data      " + config.dataDir() + (config.embeddedDatabase()
                ? " (embedded PostgreSQL " + server.embeddedDatabaseUrl().orElse("") + ")" : ""));
        var admin = report.admin();
        if (admin.generatedPassword().isPresent()) {
            out.println("    admin     " + admin.admin().email() + " / " + admin.generatedPassword().get()
                    + "   (shown only now: note it down)");
        } else if (admin.created()) {
            out.println("    admin     " + admin.admin().email() + " / the password in LECTERN_ADMIN_PASSWORD");
        } else {
            out.println("    admin     " + admin.admin().email() + " (password as set on first start)");
        }
        if (config.module(IdentitySettings.READER).requireAdminTotp()) {
            out.println("    2FA       admins turn on an authenticator app before admin work (POST /api/v1/me/totp)");
        } else {
            out.println("    2FA       NOT required for admins (LECTERN_AUTH_REQUIRE_ADMIN_TOTP=false): only for a"
                    + " single-user install");
        }
        report.demo().ifPresent(demo -> {
            out.println("    demo      " + demo.courses() + " courses; its accounts (passwords shown only now):");
            demo.accounts().stream().filter(DemoSeed.Account::shown).forEach(a -> out.println("              "
                    + a.email() + " / " + a.password() + "   " + describe(a, demo)));
        });
        out.println("  Press Ctrl+C to stop.");
        out.println();
        out.flush();
    }

    private static String describe(DemoSeed.Account a, DemoSeed.Report demo) {
        return switch (a.role()) {
            case INSTRUCTOR -> "instructor (" + a.name() + ")";
            case STUDENT -> demo.learnerFinished() ? "learner: one course finished with a certificate, one started"
                    : "learner: courses started";
            case ADMIN -> "admin";
        };
    }
}
