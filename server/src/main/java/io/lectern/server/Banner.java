package io.lectern.server;

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
        if (config.auth().requireAdminTotp()) {
            out.println("    2FA       admins turn on an authenticator app before admin work (POST /api/v1/me/totp)");
        } else {
            out.println("    2FA       NOT required for admins (LECTERN_AUTH_REQUIRE_ADMIN_TOTP=false): only for a"
                    + " single-user install");
        }
        if (report.seeded()) {
            out.println("    demo      12 courses; instructors ada@lectern.local and grace@lectern.local"
                    + " share the admin's first password");
        }
        out.println("  Press Ctrl+C to stop.");
        out.println();
        out.flush();
    }
}
