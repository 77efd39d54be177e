package io.lectern.server.learning.internal.certificate;

import io.lectern.model.learning.CertificateVerification;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The public verification page: who earned what and when, or that it was revoked. Every value is escaped. */
final class VerifyPage {

    private VerifyPage() {
    }

    static String html(CertificateVerification v) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
        String verdict = v.revokedAt() != null ? "<p class=bad>This certificate was revoked on "
                + esc(day.format(v.revokedAt())) + (v.revokedReason() == null ? "" : ": " + esc(v.revokedReason()))
                + ".</p>" : v.valid() ? "<p class=good>Valid: issued by Lectern and signed.</p>"
                : "<p class=bad>The signature does not match; this certificate cannot be trusted.</p>";
        return "<!doctype html><html lang=en><head><meta charset=utf-8><title>Certificate " + esc(v.code())
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;color:#222}"
                + ".good{color:#16794a;font-weight:600}.bad{color:#b3261e;font-weight:600}dt{color:#666}"
                + "dd{margin:0 0 .8rem 0;font-size:1.1rem}</style></head><body><h1>Certificate " + esc(v.code())
                + "</h1>" + verdict + "<dl><dt>Awarded to</dt><dd>" + esc(v.learnerName()) + "</dd><dt>For completing"
                + "</dt><dd>" + esc(v.courseTitle()) + "</dd><dt>Taught by</dt><dd>" + esc(v.instructors())
                + "</dd><dt>On</dt><dd>" + esc(day.format(v.issuedAt())) + "</dd></dl><p><small>Offline check: Ed25519 "
                + "signature " + esc(v.signature()) + " over the signed text, public key at "
                + "/api/v1/certificates/public-key.</small></p></body></html>";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
