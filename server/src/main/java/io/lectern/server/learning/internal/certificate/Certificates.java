package io.lectern.server.learning.internal.certificate;

import io.helidon.dbclient.DbTransaction;
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
    private final CertificateStore store;

    public Certificates(Database database, Clock clock, Ids ids, EventBus events, String publicUrl,
                        CatalogService catalog, IdentityService identity, MediaService media,
                        CertificateKeys keys, CertificateStore store) {
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.publicUrl = publicUrl;
        this.catalog = catalog;
        this.identity = identity;
        this.media = media;
        this.keys = keys;
        this.store = store;
    }

    /** Issues the certificate of a completed course (once; the outbox calls this). */
    public void issue(DbTransaction tx, CourseCompleted done) {
        if (store.issued(tx, done.userId(), done.courseId())) {
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
        store.insert(tx, new CertificateStore.Row(id, code, done.userId(), done.courseId(), learner, course.title(),
                instructors, issued, key.id(), signature, null, null));
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
        return store.ofLearner(database.execute(), p.userId()).stream().map(this::view).toList();
    }

    public byte[] pdf(Principal p, UUID id) {
        CertificateStore.Row c = find(id).filter(r -> p.isAdmin() || r.userId().equals(p.userId()))
                .orElseThrow(() -> ApiException.notFound("This certificate"));
        CertificateStore.Template t = template(c.courseId());
        Map<String, byte[]> images = new HashMap<>();
        Optional.ofNullable(t.logo()).flatMap(media::imageBytes).ifPresent(b -> images.put("logo", b));
        Optional.ofNullable(t.signature()).flatMap(media::imageBytes).ifPresent(b -> images.put("signature", b));
        return CertificatePdf.render(c, t, verifyUrl(c.code()), images);
    }

    public CertificateVerification verify(String code) {
        CertificateStore.Row c = store.byCode(database.execute(), code.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> ApiException.notFound("No certificate with this code"));
        String text = canonical(c.code(), c.learnerName(), c.courseTitle(), c.courseId(), c.instructors(), c.issuedAt());
        String publicKey = keys.publicKey(c.keyId());
        boolean valid = c.revokedAt() == null && CertificateKeys.verify(publicKey, text, c.signature());
        return new CertificateVerification(c.code(), valid, c.learnerName(), c.courseTitle(), c.instructors(),
                c.issuedAt(), c.revokedAt(), c.reason(), text, c.signature(), "Ed25519", publicKey);
    }

    public Certificate revoke(Principal p, UUID id, String reason) {
        new Validation().required("reason", reason).maxLength("reason", reason, 500).throwIfInvalid();
        long n = store.revoke(database.execute(), id, clock.instant(), reason.strip());
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
        store.saveTemplate(database.execute(), courseId, in, clock.instant());
        return template(p, courseId);
    }

    /** Whether an image is a course's certificate logo or signature. */
    public boolean inDesign(io.helidon.dbclient.DbExecute tx, UUID mediaId) {
        return store.inDesign(tx, mediaId);
    }

    /** The course's certificate design as its staff set it (the defaults until they do). */
    public CertificateTemplate template(Principal p, UUID courseId) {
        catalog.requireCourseStaff(p, courseId, "Only this course's instructors design its certificate.");
        CertificateStore.Template t = template(courseId);
        return new CertificateTemplate(t.accent(), t.wording(), t.signerName(), t.signerTitle(), t.logo(), t.signature());
    }

    /** The course's design with the defaults filled in until its staff set one. */
    private CertificateStore.Template template(UUID courseId) {
        return store.template(database.execute(), courseId)
                .orElse(new CertificateStore.Template("#2f5da8", "has successfully completed the course", null, null, null,
                        null));
    }

    private Optional<CertificateStore.Row> find(UUID id) {
        return store.find(database.execute(), id);
    }

    String verifyUrl(String code) {
        return publicUrl + "/api/v1/certificates/verify/" + code;
    }

    private Certificate view(CertificateStore.Row r) {
        return new Certificate(r.id(), r.code(), r.courseId(), r.courseTitle(), r.learnerName(), r.instructors(),
                r.issuedAt(), r.revokedAt(), r.reason(), "/api/v1/certificates/" + r.id() + ".pdf", verifyUrl(r.code()));
    }
}
