package io.lectern.server.media.internal;

import java.util.Map;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.lectern.model.media.MediaPurpose;
import io.lectern.model.media.MediaView;
import io.lectern.model.media.UploadStatus;
import io.lectern.server.platform.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of schema {@code media}: uploads in progress and the media they became. */
public final class MediaStore {

    /**
     * An upload row.
     *
     * @param id           upload (and media) id
     * @param ownerId      who uploads
     * @param purpose      what for
     * @param filename     sanitised name
     * @param declaredType what the uploader said it is
     * @param size         whole size
     * @param received     bytes so far
     * @param sha256       expected hex SHA-256 of the whole file, if given
     * @param status       OPEN, COMPLETE, FAILED or EXPIRED
     * @param error        why it failed
     * @param expiresAt    when an unfinished upload is discarded
     */
    public record Upload(UUID id, UUID ownerId, MediaPurpose purpose, String filename, String declaredType, long size,
                         long received, String sha256, String status, String error, Instant expiresAt) {

        public UploadStatus view() {
            return new UploadStatus(id, received, size, status, error, expiresAt);
        }
    }

    /**
     * A media row: its public view plus the owner.
     *
     * @param view    what owners see
     * @param ownerId who uploaded it
     */
    public record Media(MediaView view, UUID ownerId) {
    }

    private static final String MEDIA = "SELECT id, owner_id, purpose, filename, content_type, size, status, progress, "
            + "error, duration_sec, width, height, page_count, renditions, created_at FROM media.media";

    public void insertUpload(DbExecute tx, Upload u, Instant now) {
        tx.insert("""
                INSERT INTO media.uploads (id, owner_id, purpose, filename, declared_type, size, sha256, created_at,
                                           updated_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", u.id(), u.ownerId(), u.purpose().name(), u.filename(),
                u.declaredType(), u.size(), u.sha256(), Rows.param(now), Rows.param(now), Rows.param(u.expiresAt()));
    }

    public Optional<Upload> upload(DbExecute db, UUID id) {
        return db.get("SELECT * FROM media.uploads WHERE id = ?", id).map(MediaStore::upload);
    }

    /** Moves the offset forward only from where the caller read it (a concurrent chunk loses). */
    public boolean advance(DbExecute db, UUID id, long from, long to, Instant now) {
        return db.update("UPDATE media.uploads SET received = ?, updated_at = ? WHERE id = ? AND received = ? "
                + "AND status = 'OPEN'", to, Rows.param(now), id, from) == 1;
    }

    public void closeUpload(DbExecute db, UUID id, String status, String error, Instant now) {
        db.update("UPDATE media.uploads SET status = ?, error = ?, updated_at = ? WHERE id = ?", status, error,
                Rows.param(now), id);
    }

    /** Bytes the owner stores or has promised to upload. */
    public long usedBytes(DbExecute db, UUID ownerId) {
        return db.get("""
                SELECT coalesce((SELECT sum(size) FROM media.media WHERE owner_id = ?), 0)
                     + coalesce((SELECT sum(size) FROM media.uploads WHERE owner_id = ? AND status = 'OPEN'), 0) AS used
                """, ownerId, ownerId).map(r -> Rows.number(r, "used")).orElse(0L);
    }

    public List<UUID> expiredUploads(DbExecute db, Instant now) {
        try (var rows = db.query("SELECT id FROM media.uploads WHERE status = 'OPEN' AND expires_at < ? LIMIT 500",
                Rows.param(now))) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    public void insertMedia(DbExecute tx, Upload u, String contentType, long size, String sha256, String status,
                            Instant now) {
        tx.insert("""
                INSERT INTO media.media (id, owner_id, purpose, filename, content_type, size, sha256, status, created_at,
                                         updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", u.id(), u.ownerId(), u.purpose().name(), u.filename(),
                contentType, size, sha256, status, Rows.param(now), Rows.param(now));
    }

    public Optional<Media> media(DbExecute db, UUID id) {
        return db.get(MEDIA + " WHERE id = ?", id).map(MediaStore::media);
    }

    /** The row, locked until the transaction ends (deleting). */
    public Optional<Media> lock(DbExecute tx, UUID id) {
        return tx.get(MEDIA + " WHERE id = ? FOR UPDATE", id).map(MediaStore::media);
    }

    /** The row, held against deletion until the transaction ends (attaching it somewhere). */
    public Optional<Media> share(DbExecute tx, UUID id) {
        return tx.get(MEDIA + " WHERE id = ? FOR SHARE", id).map(MediaStore::media);
    }

    /** Deletes a media row; its upload is kept as history, marked deleted. */
    public void delete(DbExecute tx, UUID id, Instant now) {
        tx.delete("DELETE FROM media.playback_grants WHERE media_id = ?", id);
        tx.delete("DELETE FROM media.media WHERE id = ?", id);
        tx.update("UPDATE media.uploads SET status = 'DELETED', updated_at = ? WHERE id = ?", Rows.param(now), id);
    }

    /** An owner's media, newest first. */
    public List<Media> ofOwner(DbExecute db, UUID ownerId, int limit) {
        try (var rows = db.query(MEDIA + " WHERE owner_id = ? ORDER BY created_at DESC, id DESC LIMIT ?", ownerId, limit)) {
            return rows.map(MediaStore::media).toList();
        }
    }

    public List<Media> media(DbExecute db, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (var rows = db.query(MEDIA + " WHERE id = ANY (?::uuid[])", (Object) Rows.uuidArray(ids))) {
            return rows.map(MediaStore::media).toList();
        }
    }

    /** Remembers the first time a user got signed URLs for a media item (later grants change nothing). */
    public void granted(DbExecute db, UUID userId, UUID mediaId, Instant at) {
        db.dml("INSERT INTO media.playback_grants (user_id, media_id, first_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                userId, mediaId, Rows.param(at));
    }

    public Optional<Instant> firstGrant(DbExecute db, UUID userId, UUID mediaId) {
        return db.get("SELECT first_at FROM media.playback_grants WHERE user_id = ? AND media_id = ?", userId, mediaId)
                .map(r -> Rows.instant(r, "first_at"));
    }

    public List<UUID> processing(DbExecute db) {
        try (var rows = db.query("SELECT id FROM media.media WHERE status = 'PROCESSING' ORDER BY created_at LIMIT 500")) {
            return rows.map(r -> Rows.uuid(r, "id")).toList();
        }
    }

    public void progress(DbExecute db, UUID id, int percent, Instant now) {
        db.update("UPDATE media.media SET progress = greatest(progress, ?), updated_at = ? WHERE id = ? "
                + "AND status = 'PROCESSING'", percent, Rows.param(now), id);
    }

    /**
     * What processing learnt and made.
     *
     * @param durationSec duration
     * @param width       width
     * @param height      height
     * @param pageCount   pages
     * @param renditions  produced renditions
     */
    public record Outcome(Double durationSec, Integer width, Integer height, Integer pageCount, List<String> renditions) {
    }

    public void ready(DbExecute db, UUID id, Outcome o, Instant now) {
        db.update("""
                UPDATE media.media SET status = 'READY', progress = 100, error = NULL, duration_sec = ?, width = ?,
                       height = ?, page_count = ?, renditions = ?, updated_at = ?
                 WHERE id = ?""", o.durationSec(), o.width(), o.height(), o.pageCount(),
                Rows.textArray(o.renditions()), Rows.param(now), id);
    }

    public void failed(DbExecute db, UUID id, String error, Instant now) {
        db.update("UPDATE media.media SET status = 'FAILED', error = ?, updated_at = ? WHERE id = ?", error,
                Rows.param(now), id);
    }

    private static Upload upload(DbRow r) {
        return new Upload(Rows.uuid(r, "id"), Rows.uuid(r, "owner_id"), MediaPurpose.valueOf(Rows.text(r, "purpose")),
                Rows.text(r, "filename"), Rows.text(r, "declared_type"), Rows.number(r, "size"),
                Rows.number(r, "received"), Rows.text(r, "sha256"), Rows.text(r, "status"), Rows.text(r, "error"),
                Rows.instant(r, "expires_at"));
    }

    private static Media media(DbRow r) {
        Object duration = Rows.value(r, "duration_sec");
        return new Media(new MediaView(Rows.uuid(r, "id"), MediaPurpose.valueOf(Rows.text(r, "purpose")),
                Rows.text(r, "filename"), Rows.text(r, "content_type"), Rows.number(r, "size"), Rows.text(r, "status"),
                Rows.integer(r, "progress"), Rows.text(r, "error"),
                duration == null ? null : ((Number) duration).doubleValue(), Rows.integer(r, "width"),
                Rows.integer(r, "height"), Rows.integer(r, "page_count"), Rows.strings(r, "renditions"),
                Rows.instant(r, "created_at")), Rows.uuid(r, "owner_id"));
    }

    /** A person's files, uploads and the media they opened, for their data export. */
    public Map<String, Object> exportFor(DbExecute db, UUID userId) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("files", Rows.maps(db, "SELECT id, purpose, filename, content_type, size, status, created_at FROM "
                + "media.media WHERE owner_id = ? ORDER BY created_at", userId));
        out.put("uploads", Rows.maps(db, "SELECT id, purpose, filename, size, received, status, created_at FROM "
                + "media.uploads WHERE owner_id = ? ORDER BY created_at", userId));
        out.put("opened", Rows.maps(db, "SELECT media_id, first_at FROM media.playback_grants WHERE user_id = ? "
                + "ORDER BY first_at", userId));
        return out;
    }

    /** Forgets which media a person opened (account deletion). */
    public void forgetOpened(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM media.playback_grants WHERE user_id = ?", userId);
    }

    /** Drops a person's unfinished uploads (account deletion). */
    public void dropUnfinishedUploads(DbExecute tx, UUID userId) {
        tx.dml("DELETE FROM media.uploads WHERE owner_id = ? AND status <> 'COMPLETE'", userId);
    }

    /** Serialises quota checks of one person for the caller's transaction. */
    public void lockQuota(DbExecute tx, UUID userId) {
        tx.get("SELECT pg_advisory_xact_lock(hashtext(?))", "media-quota:" + userId);
    }
}
