package io.lectern.server.learning.internal.certificate;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.learning.CertificateTemplate;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of learning.certificates and learning.certificate_templates. */
public final class CertificateStore {

    /** A stored certificate. */
    record Row(UUID id, String code, UUID userId, UUID courseId, String learnerName, String courseTitle,
               String instructors, Instant issuedAt, UUID keyId, String signature, Instant revokedAt, String reason) {
    }

    /** A course's certificate design. */
    record Template(String accent, String wording, String signerName, String signerTitle, UUID logo, UUID signature) {
    }

    /** Whether a learner has a certificate of a course (revoked ones count). */
    boolean issued(DbExecute db, UUID userId, UUID courseId) {
        return db.get("SELECT 1 FROM learning.certificates WHERE user_id = ? AND course_id = ?", userId, courseId)
                .isPresent();
    }

    /** Stores a newly issued certificate (not revoked). */
    void insert(DbExecute tx, Row c) {
        tx.insert("""
                INSERT INTO learning.certificates (id, code, user_id, course_id, learner_name, course_title, instructors,
                                                   issued_at, key_id, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.code(), c.userId(), c.courseId(), c.learnerName(),
                c.courseTitle(), c.instructors(), Rows.param(c.issuedAt()), c.keyId(), c.signature());
    }

    /** A learner's certificates, newest first. */
    List<Row> ofLearner(DbExecute db, UUID userId) {
        try (var rows = db.query("SELECT * FROM learning.certificates WHERE user_id = ? "
                + "ORDER BY issued_at DESC", userId)) {
            return rows.map(CertificateStore::row).toList();
        }
    }

    Optional<Row> find(DbExecute db, UUID id) {
        return db.get("SELECT * FROM learning.certificates WHERE id = ?", id).map(CertificateStore::row);
    }

    Optional<Row> byCode(DbExecute db, String code) {
        return db.get("SELECT * FROM learning.certificates WHERE code = ?", code).map(CertificateStore::row);
    }

    /** Revokes a certificate not revoked yet; the number of certificates revoked (0 or 1). */
    long revoke(DbExecute db, UUID id, Instant at, String reason) {
        return db.update("UPDATE learning.certificates SET revoked_at = ?, revoked_reason = ? "
                + "WHERE id = ? AND revoked_at IS NULL", Rows.param(at), reason, id);
    }

    /** Creates or replaces a course's certificate design; accent and wording left out take the defaults. */
    void saveTemplate(DbExecute db, UUID courseId, CertificateTemplate in, Instant now) {
        db.update("""
                INSERT INTO learning.certificate_templates AS t (course_id, accent, wording, signer_name, signer_title,
                       logo_media_id, signature_media_id, updated_at)
                VALUES (?, coalesce(?, '#2f5da8'), coalesce(?, 'has successfully completed the course'), ?, ?, ?, ?, ?)
                ON CONFLICT (course_id) DO UPDATE SET accent = excluded.accent, wording = excluded.wording,
                       signer_name = excluded.signer_name, signer_title = excluded.signer_title,
                       logo_media_id = excluded.logo_media_id, signature_media_id = excluded.signature_media_id,
                       updated_at = excluded.updated_at""", courseId, in.accent(), in.wording(), in.signerName(),
                in.signerTitle(), in.logoMediaId(), in.signatureMediaId(), Rows.param(now));
    }

    /** The course's certificate design, if its staff saved one. */
    Optional<Template> template(DbExecute db, UUID courseId) {
        return db.get("SELECT * FROM learning.certificate_templates WHERE course_id = ?", courseId)
                .map(r -> new Template(Rows.text(r, "accent"), Rows.text(r, "wording"), Rows.text(r, "signer_name"),
                        Rows.text(r, "signer_title"), Rows.uuid(r, "logo_media_id"), Rows.uuid(r, "signature_media_id")));
    }

    /** Whether an image is a course's certificate logo or signature. */
    boolean inDesign(DbExecute db, UUID mediaId) {
        return db.get("SELECT 1 FROM learning.certificate_templates WHERE logo_media_id = ? OR signature_media_id = ? "
                + "LIMIT 1", mediaId, mediaId).isPresent();
    }

    /** Copies a course's certificate design, if it has one, to another course. */
    public void copyTemplate(DbExecute tx, UUID from, UUID to, Instant now) {
        tx.insert("""
                INSERT INTO learning.certificate_templates (course_id, accent, wording, signer_name, signer_title,
                       logo_media_id, signature_media_id, updated_at)
                SELECT ?, accent, wording, signer_name, signer_title, logo_media_id, signature_media_id, ?
                  FROM learning.certificate_templates WHERE course_id = ?""", to, Rows.param(now), from);
    }

    /** A learner's certificates, for their data export. */
    public List<Map<String, Object>> exportFor(DbExecute db, UUID userId) {
        return Rows.maps(db, "SELECT id, code, course_id, course_title, learner_name, issued_at, "
                + "revoked_at, revoked_reason FROM learning.certificates WHERE user_id = ? ORDER BY issued_at", userId);
    }

    /**
     * Account deletion: revokes a learner's certificates ("account deleted") and blanks the name on them, so the
     * public verification page names no one.
     */
    public void eraseFor(DbExecute tx, UUID userId) {
        tx.dml("""
                UPDATE learning.certificates SET learner_name = '', revoked_at = coalesce(revoked_at, now()),
                       revoked_reason = coalesce(revoked_reason, 'The learner deleted their account.')
                 WHERE user_id = ?""", userId);
    }

    private static Row row(DbRow r) {
        return new Row(Rows.uuid(r, "id"), Rows.text(r, "code"), Rows.uuid(r, "user_id"), Rows.uuid(r, "course_id"),
                Rows.text(r, "learner_name"), Rows.text(r, "course_title"), Rows.text(r, "instructors"),
                Rows.instant(r, "issued_at"), Rows.uuid(r, "key_id"), Rows.text(r, "signature"),
                Rows.instant(r, "revoked_at"), Rows.text(r, "revoked_reason"));
    }
}
