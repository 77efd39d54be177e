package io.lectern.server.media.internal.upload;

import io.lectern.model.identity.Role;
import io.lectern.model.media.UploadRequest;
import io.lectern.model.media.UploadStatus;
import io.lectern.server.media.internal.MediaStore;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.media.MediaSettings;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resumable uploads after tus 1.0: create a session, append chunks at the offset the server reports, resume after
 * a dropped connection (the bytes that arrived are kept unless the chunk carried a checksum), and on the last byte
 * the file is checked (checksum, type by content, purpose rules) and becomes media — or is discarded whole.
 */
public final class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final MediaSettings mediaSettings;
    private final MediaStore repo;
    private final Path staging;
    private final UploadCompletion completion;
    private final io.lectern.server.media.internal.MediaDeletion deletion;
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    public Uploads(Database db, Clock clock, Ids ids, MediaSettings mediaSettings, MediaStore repo, Path staging,
                   io.lectern.server.media.internal.MediaDeletion deletion, UploadCompletion completion) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.mediaSettings = mediaSettings;
        this.deletion = deletion;
        this.repo = repo;
        this.staging = staging;
        this.completion = completion;
    }

    public UploadStatus create(Principal p, UploadRequest in) {
        Validation v = new Validation().required("filename", in.filename()).required("size", in.size())
                .required("purpose", in.purpose()).maxLength("filename", in.filename(), 1000)
                .maxLength("contentType", in.contentType(), 200);
        v.check(in.sha256() == null || in.sha256().matches("[0-9a-fA-F]{64}"), "sha256", "format",
                "sha256 must be 64 hexadecimal digits.");
        v.check(in.size() == null || in.size() > 0, "size", "min", "An empty file cannot be uploaded.");
        v.throwIfInvalid();
        UploadRules.Rule rule = UploadRules.of(in.purpose());
        if (rule.staff() && !p.isStaff()) {
            throw new ApiException(403, "upload.purpose_forbidden", "Only instructors upload course "
                    + in.purpose().name().toLowerCase(Locale.ROOT) + " files.");
        }
        new Validation().check(in.size() <= rule.maxBytes(), "size", "max", UploadRules.describe(in.purpose())
                + " may be at most " + (rule.maxBytes() >> 20) + " MB.").throwIfInvalid();
        Instant now = clock.instant();
        MediaStore.Upload u = new MediaStore.Upload(ids.next(), p.userId(), in.purpose(),
                Filenames.sanitise(in.filename()), in.contentType() == null ? "" : in.contentType().strip(), in.size(),
                0, in.sha256() == null ? null : in.sha256().toLowerCase(Locale.ROOT), "OPEN", null,
                now.plus(mediaSettings.uploadExpiry()));
        long quota = p.role() == Role.STUDENT ? mediaSettings.studentQuota()
                : mediaSettings.instructorQuota();
        db.doInTransaction(tx -> {
            repo.lockQuota(tx, p.userId());
            long used = repo.usedBytes(tx, p.userId());
            if (used + u.size() > quota) {
                throw new ApiException(413, "upload.quota_exceeded", "This upload would exceed your storage quota of "
                        + (quota >> 20) + " MB (" + (used >> 20) + " MB used); delete files you no longer need "
                        + "(GET /api/v1/me/media lists them, DELETE /api/v1/media/{id} deletes one).")
                        .with("quotaBytes", quota).with("usedBytes", used);
            }
            repo.insertUpload(tx, u, now);
        });
        return u.view();
    }

    public MediaStore.Upload owned(Principal p, UUID id) {
        MediaStore.Upload u = repo.upload(db.execute(), id)
                .orElseThrow(() -> ApiException.notFound("This upload"));
        if (!u.ownerId().equals(p.userId()) && !p.isAdmin()) {
            throw ApiException.notFound("This upload");
        }
        return u;
    }

    /**
     * Appends one chunk at {@code offset}.
     *
     * @param checksum a tus {@code Upload-Checksum} ({@code sha256 <base64>}), verified before the chunk counts
     */
    public UploadStatus append(Principal p, UUID id, long offset, java.util.Optional<ChunkChecksum> checksum,
                               InputStream body) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new ApiException(423, "upload.locked", "Another chunk of this upload is still arriving; retry when "
                    + "it has finished (HEAD tells the offset).");
        }
        try {
            MediaStore.Upload u = open(owned(p, id));
            if (offset != u.received()) {
                throw new ApiException(409, "upload.offset_mismatch", "This upload continues at byte " + u.received()
                        + ", not " + offset + ".").with("offset", u.received());
            }
            long received = new ChunkWriter(part(id)).write(u.received(), u.size(), checksum, body);
            repo.advance(db.execute(), id, u.received(), received, clock.instant());
            if (received < u.size()) {
                return new UploadStatus(id, received, u.size(), "OPEN", null, u.expiresAt());
            }
            return finish(u);
        } finally {
            lock.unlock();
            locks.remove(id, lock);
        }
    }

    private MediaStore.Upload open(MediaStore.Upload u) {
        if ("OPEN".equals(u.status()) && u.expiresAt().isBefore(clock.instant())) {
            discard(u.id(), "EXPIRED", "The upload expired; start it again.");
            throw new ApiException(410, "upload.expired", "This upload expired; start it again.");
        }
        if (!"OPEN".equals(u.status())) {
            throw new ApiException(409, "upload.closed", "This upload is " + u.status().toLowerCase(Locale.ROOT)
                    + (u.error() == null ? "." : ": " + u.error())).with("status", u.status());
        }
        return u;
    }

    private UploadStatus finish(MediaStore.Upload u) {
        try {
            completion.complete(u, part(u.id()));
            repo.closeUpload(db.execute(), u.id(), "COMPLETE", null, clock.instant());
            return new UploadStatus(u.id(), u.size(), u.size(), "COMPLETE", null, u.expiresAt());
        } catch (ApiException e) {
            discard(u.id(), "FAILED", e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Upload " + u.id() + " could not be completed", e);
            discard(u.id(), "FAILED", "The server could not store the file.");
            throw new ApiException(500, "upload.store_failed", "The file could not be stored; upload it again.");
        }
    }

    /**
     * Terminates an upload (tus termination): an unfinished upload's bytes are deleted; a finished one's media is
     * deleted as {@code DELETE /api/v1/media/{id}} would (refused while it is used somewhere).
     */
    public void cancel(Principal p, UUID id) {
        MediaStore.Upload u = owned(p, id);
        if ("OPEN".equals(u.status())) {
            discard(id, "FAILED", "Cancelled by the uploader.");
        } else if ("COMPLETE".equals(u.status())) {
            deletion.delete(p, id);
        }
    }

    /** Discards unfinished uploads past their expiry (a recurring job). */
    public void expire() {
        for (UUID id : repo.expiredUploads(db.execute(), clock.instant())) {
            discard(id, "EXPIRED", "The upload expired before its last byte arrived.");
        }
    }

    private void discard(UUID id, String status, String error) {
        repo.closeUpload(db.execute(), id, status, error, clock.instant());
        try {
            Files.deleteIfExists(part(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path part(UUID id) {
        return staging.resolve(id + ".part");
    }

    /** Stores a completed upload as media (or refuses it with an {@link ApiException}). */
    @FunctionalInterface
    public interface UploadCompletion {
        void complete(MediaStore.Upload upload, Path file) throws IOException;
    }
}
