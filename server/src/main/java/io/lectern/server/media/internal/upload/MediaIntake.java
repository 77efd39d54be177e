package io.lectern.server.media.internal.upload;

import io.lectern.model.media.MediaPurpose;
import io.lectern.server.media.internal.MediaStore;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns a completely received upload into media: the whole-file checksum, the type by content against the purpose,
 * subtitles to WebVTT, an optional virus scan; then the file goes to storage and the media row is written (and
 * processing queued). Any refusal leaves nothing behind.
 */
public final class MediaIntake implements Uploads.UploadCompletion {

    private final Database db;
    private final Clock clock;
    private final MediaStore repo;
    private final MediaStorage storage;
    private final ContentSniffer sniffer = new ContentSniffer();
    private final Optional<VirusScanner> scanner;
    private final Predicate<MediaPurpose> needsWork;
    private final Consumer<java.util.UUID> enqueue;

    public MediaIntake(Database db, Clock clock, MediaStore repo, MediaStorage storage, Optional<VirusScanner> scanner,
                       Predicate<MediaPurpose> needsWork, Consumer<java.util.UUID> enqueue) {
        this.db = db;
        this.clock = clock;
        this.repo = repo;
        this.storage = storage;
        this.scanner = scanner;
        this.needsWork = needsWork;
        this.enqueue = enqueue;
    }

    @Override
    public void complete(MediaStore.Upload u, Path file) throws IOException {
        String sha256 = sha256(file);
        if (u.sha256() != null && !u.sha256().equals(sha256)) {
            throw new ApiException(460, "upload.checksum_mismatch", "The file that arrived does not match the sha256 "
                    + "you declared; nothing was kept; upload it again.").with("sha256", sha256);
        }
        String type = sniffer.detect(file, u.filename());
        if (!UploadRules.of(u.purpose()).types().contains(type)) {
            throw new ApiException(415, "upload.type_not_allowed", "This file's content is " + type + ", but "
                    + UploadRules.describe(u.purpose()) + " was expected; nothing was kept.").with("detectedType", type);
        }
        long size = Files.size(file);
        if (u.purpose() == MediaPurpose.SUBTITLE) {
            String vtt = Subtitles.toWebVtt(Files.readAllBytes(file)).orElseThrow(() -> ApiException.rule(
                    "upload.subtitles_unreadable", "These subtitles are neither WebVTT nor SRT in UTF-8 (no cue "
                    + "with a time line was found); nothing was kept.", List.of()));
            Files.writeString(file, vtt, StandardCharsets.UTF_8);
            type = "text/vtt";
            size = Files.size(file);
            sha256 = sha256(file);
        }
        if (scanner.isPresent() && scanner.get().infected(file)) {
            throw ApiException.rule("upload.infected", "The virus scanner flagged this file; nothing was kept.",
                    List.of());
        }
        storage.put(u.id() + "/original", file);
        boolean work = needsWork.test(u.purpose());
        String contentType = type;
        long finalSize = size;
        String finalSha = sha256;
        try {
            db.doInTransaction(tx -> repo.insertMedia(tx, u, contentType, finalSize, finalSha,
                    work ? "PROCESSING" : "READY", clock.instant()));
        } catch (RuntimeException e) {
            storage.deleteAll(u.id().toString());
            throw e;
        }
        if (work) {
            enqueue.accept(u.id());
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
