package io.lectern.server.learning.internal.certificate;

import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.DbRow;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.learning.Certificate;
import io.lectern.model.learning.CertificateTemplate;
import io.lectern.model.learning.CertificateVerification;
import io.lectern.model.media.MediaPurpose;
import io.lectern.server.catalog.CatalogService;
import io.lectern.server.catalog.CourseOffer;
import io.lectern.server.identity.IdentityService;
import io.lectern.server.learning.CertificateIssued;
import io.lectern.server.learning.CourseCompleted;
import io.lectern.server.media.MediaService;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Certificates: issued once per learner and course when {@link CourseCompleted} arrives, signed with Ed25519 over
 * a canonical text, rendered as PDF on request, verified publicly by code, revocable by admins.
 */
public final class Certificates {

    /** A stored certificate. */
    record Row(UUID id, String code, UUID userId, UUID courseId, String learnerName, String courseTitle,
               String instructors, Instant issuedAt, UUID keyId, String signature, Instant revokedAt, String reason) {
    }

    /** A course's template with defaults filled in. */
    record Template(String accent, String wording, String signerName, String signerTitle, UUID logo, UUID signature) {
    }

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;
    private final Ids ids;
    private final EventBus events;
    private final String publicUrl;
    private final CatalogService catalog;
    private final IdentityService identity;
    private final MediaService media;
    private final CertificateKeys keys;

    public Certificates(Database database, Clock clock, Ids ids, EventBus events, String publicUrl,
                        CatalogService catalog, IdentityService identity, MediaService media,
                        CertificateKeys keys) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.publicUrl = publicUrl;
        this.catalog = catalog;
        this.identity = identity;
        this.media = media;
        this.keys = keys;
    }

    /** Issues the certificate of a completed course (once; the outbox calls this). */
    public void issue(DbTransaction tx, CourseCompleted done) {
        if (tx.get("SELECT 1 FROM learning.certificates WHERE user_id = ? AND course_id = ?", done.userId(),
                done.courseId()).isPresent()) {
            return;
        }
        CourseOffer course = catalog.offer(tx, done.courseId()).orElseThrow();
        String learner = identity.findById(tx, done.userId()).map(u -> u.displayName()).orElse("Learner");
        String instructors = String.join(", ", course.instructorIds().stream()
                .map(i -> identity.findById(tx, i).map(u -> u.displayName()).orElse("")).filter(n -> !n.isBlank()).toList());
        Instant issued = done.completedAt().truncatedTo(ChronoUnit.SECONDS);
        String code = code();
        CertificateKeys.Key key = keys.current();
        String signature = keys.sign(canonical(code, learner, course.title(), done.courseId(), instructors, issued));
        UUID id = ids.next();
        tx.insert("""
                INSERT INTO learning.certificates (id, code, user_id, course_id, learner_name, course_title, instructors,
                                                   issued_at, key_id, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, code, done.userId(), done.courseId(), learner,
                course.title(), instructors, Rows.param(issued), key.id(), signature);
        events.publish(tx, new CertificateIssued(id, done.userId(), done.courseId(), code));
    }

    /** The text the signature covers; anyone can rebuild it from the verification answer. */
    static String canonical(String code, String learner, String course, UUID courseId, String instructors,
                            Instant issued) {
        return "lectern-certificate-v1\ncode: " + code + "\nlearner: " + learner + "\ncourse: " + course
                + "\ncourse-id: " + courseId + "\ninstructors: " + instructors + "\nissued: " + issued + "\n";
    }

    private static String code() {
        StringBuilder b = new StringBuilder("LEC-");
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()))).append(i == 3 || i == 7 ? "-" : "");
        }
        return b.toString();
    }

    public List<Certificate> mine(Principal p) {
        try (var rows = database.execute().query("SELECT * FROM learning.certificates WHERE user_id = ? "
                + "ORDER BY issued_at DESC", p.userId())) {
            return rows.map(Certificates::row).map(this::view).toList();
        }
    }

    public byte[] pdf(Principal p, UUID id) {
        Row c = find(id).filter(r -> p.isAdmin() || r.userId().equals(p.userId()))
                .orElseThrow(() -> ApiException.notFound("This certificate"));
        Template t = template(c.courseId());
        Map<String, byte[]> images = new HashMap<>();
        Optional.ofNullable(t.logo()).flatMap(media::imageBytes).ifPresent(b -> images.put("logo", b));
        Optional.ofNullable(t.signature()).flatMap(media::imageBytes).ifPresent(b -> images.put("signature", b));
        return CertificatePdf.render(c, t, verifyUrl(c.code()), images);
    }

    public CertificateVerification verify(String code) {
        Row c = database.execute().get("SELECT * FROM learning.certificates WHERE code = ?", code.strip()
                .toUpperCase(java.util.Locale.ROOT)).map(Certificates::row)
                .orElseThrow(() -> ApiException.notFound("No certificate with this code"));
        String text = canonical(c.code(), c.learnerName(), c.courseTitle(), c.courseId(), c.instructors(), c.issuedAt());
        String publicKey = keys.publicKey(c.keyId());
        boolean valid = c.revokedAt() == null && CertificateKeys.verify(publicKey, text, c.signature());
        return new CertificateVerification(c.code(), valid, c.learnerName(), c.courseTitle(), c.instructors(),
                c.issuedAt(), c.revokedAt(), c.reason(), text, c.signature(), "Ed25519", publicKey);
    }

    public Certificate revoke(Principal p, UUID id, String reason) {
        new Validation().required("reason", reason).maxLength("reason", reason, 500).throwIfInvalid();
        long n = database.execute().update("UPDATE learning.certificates SET revoked_at = ?, revoked_reason = ? "
                + "WHERE id = ? AND revoked_at IS NULL", Rows.param(clock.instant()), reason.strip(), id);
        if (n == 0 && find(id).isEmpty()) {
            throw ApiException.notFound("This certificate");
        }
        return view(find(id).orElseThrow());
    }

    public CertificateTemplate saveTemplate(Principal p, UUID courseId, CertificateTemplate in) {
        catalog.requireCourseStaff(p, courseId, "Only this course's instructors design its certificate.");
        new Validation().check(in.accent() == null || in.accent().matches("#[0-9a-fA-F]{6}"), "accent", "format",
                        "accent is a colour such as #2f5da8.").maxLength("wording", in.wording(), 200)
                .maxLength("signerName", in.signerName(), 100).maxLength("signerTitle", in.signerTitle(), 100)
                .throwIfInvalid();
        var db = database.execute();
        var owners = identity.mediaOwnersFor(db, p, catalog.staffIds(courseId));
        List<FieldViolation> images = new ArrayList<>();
        Map.of("logoMediaId", Optional.ofNullable(in.logoMediaId()), "signatureMediaId",
                Optional.ofNullable(in.signatureMediaId())).forEach((field, id) -> id.flatMap(m -> media.attachRefusal(
                        db, m, owners, field, Set.of(MediaPurpose.IMAGE))).ifPresent(images::add));
        if (!images.isEmpty()) {
            throw ApiException.invalid(images.stream().sorted(java.util.Comparator.comparing(FieldViolation::field))
                    .toList());
        }
        database.execute().update("""
                INSERT INTO learning.certificate_templates AS t (course_id, accent, wording, signer_name, signer_title,
                       logo_media_id, signature_media_id, updated_at)
                VALUES (?, coalesce(?, '#2f5da8'), coalesce(?, 'has successfully completed the course'), ?, ?, ?, ?, ?)
                ON CONFLICT (course_id) DO UPDATE SET accent = excluded.accent, wording = excluded.wording,
                       signer_name = excluded.signer_name, signer_title = excluded.signer_title,
                       logo_media_id = excluded.logo_media_id, signature_media_id = excluded.signature_media_id,
                       updated_at = excluded.updated_at""", courseId, in.accent(), in.wording(), in.signerName(),
                in.signerTitle(), in.logoMediaId(), in.signatureMediaId(), Rows.param(clock.instant()));
        return template(p, courseId);
    }

    /** Whether an image is a course's certificate logo or signature. */
    public boolean inDesign(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        return tx.get("SELECT 1 FROM learning.certificate_templates WHERE logo_media_id = ? OR signature_media_id = ? "
                + "LIMIT 1", mediaId, mediaId).isPresent();
    }

    /** The course's certificate design as its staff set it (the defaults until they do). */
    public CertificateTemplate template(Principal p, UUID courseId) {
        catalog.requireCourseStaff(p, courseId, "Only this course's instructors design its certificate.");
        Template t = template(courseId);
        return new CertificateTemplate(t.accent(), t.wording(), t.signerName(), t.signerTitle(), t.logo(), t.signature());
    }

    private Template template(UUID courseId) {
        return database.execute().get("SELECT * FROM learning.certificate_templates WHERE course_id = ?", courseId)
                .map(r -> new Template(Rows.text(r, "accent"), Rows.text(r, "wording"), Rows.text(r, "signer_name"),
                        Rows.text(r, "signer_title"), Rows.uuid(r, "logo_media_id"), Rows.uuid(r, "signature_media_id")))
                .orElse(new Template("#2f5da8", "has successfully completed the course", null, null, null, null));
    }

    private Optional<Row> find(UUID id) {
        return database.execute().get("SELECT * FROM learning.certificates WHERE id = ?", id)
                .map(Certificates::row);
    }

    String verifyUrl(String code) {
        return publicUrl + "/api/v1/certificates/verify/" + code;
    }

    private Certificate view(Row r) {
        return new Certificate(r.id(), r.code(), r.courseId(), r.courseTitle(), r.learnerName(), r.instructors(),
                r.issuedAt(), r.revokedAt(), r.reason(), "/api/v1/certificates/" + r.id() + ".pdf", verifyUrl(r.code()));
    }

    private static Row row(DbRow r) {
        return new Row(Rows.uuid(r, "id"), Rows.text(r, "code"), Rows.uuid(r, "user_id"), Rows.uuid(r, "course_id"),
                Rows.text(r, "learner_name"), Rows.text(r, "course_title"), Rows.text(r, "instructors"),
                Rows.instant(r, "issued_at"), Rows.uuid(r, "key_id"), Rows.text(r, "signature"),
                Rows.instant(r, "revoked_at"), Rows.text(r, "revoked_reason"));
    }
}
