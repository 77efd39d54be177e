package io.lectern.server.media.internal.processing;

import io.lectern.model.media.MediaPurpose;
import io.lectern.server.media.internal.MediaStore;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background job behind every upload that needs work: videos are probed and transcoded, PDFs counted and
 * thumbnailed, images measured. Progress is written as it goes; a restart runs the job again from a clean work
 * directory; a file that cannot be decoded fails at once with the reason, other failures are retried and the media
 * is marked failed after the last attempt.
 */
public final class MediaProcessor {

    public static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(MediaProcessor.class.getName());

    /** A failure retrying cannot cure: the file itself is the problem. */
    static final class Unprocessable extends Exception {
        private static final long serialVersionUID = 1L;

        Unprocessable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Database db;
    private final Clock clock;
    private final MediaStore repo;
    private final MediaStorage storage;
    private final Ffmpeg ffmpeg;
    private final Path work;

    public MediaProcessor(Database db, Clock clock, MediaStore repo, MediaStorage storage, Ffmpeg ffmpeg, Path work) {
        this.db = db;
        this.clock = clock;
        this.repo = repo;
        this.storage = storage;
        this.ffmpeg = ffmpeg;
        this.work = work;
    }

    public void process(UUID id, int attempt) throws IOException {
        Optional<MediaStore.Media> media = repo.media(db.execute(), id);
        if (media.isEmpty() || !"PROCESSING".equals(media.get().view().status())) {
            return;
        }
        Path dir = work.resolve(id.toString());
        deleteTree(dir);
        Files.createDirectories(dir);
        try {
            Path original = storage.localCopy(id + "/original", dir);
            MediaStore.Outcome outcome = switch (media.get().view().purpose()) {
                case VIDEO -> video(id, original, dir);
                case DOCUMENT -> DocumentPreview.render(original, dir.resolve("out"));
                case IMAGE -> DocumentPreview.image(original);
                case SUBTITLE, SUBMISSION -> new MediaStore.Outcome(null, null, null, null, List.of());
            };
            if (Files.isDirectory(dir.resolve("out"))) {
                storage.putTree(id.toString(), dir.resolve("out"));
            }
            repo.ready(db.execute(), id, outcome, clock.instant());
        } catch (Unprocessable e) {
            repo.failed(db.execute(), id, e.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            if (attempt >= ATTEMPTS) {
                LOG.log(Level.WARNING, "Media " + id + " failed after " + attempt + " attempts", e);
                repo.failed(db.execute(), id, "Processing failed " + attempt + " times; upload the file "
                        + "again, or ask an admin to look at the server log.", clock.instant());
                return;
            }
            throw e;
        } finally {
            deleteTree(dir);
        }
    }

    private MediaStore.Outcome video(UUID id, Path original, Path dir) throws IOException, Unprocessable {
        Ffmpeg.Probe probe = ffmpeg.probe(original).orElseThrow(() -> new Unprocessable(
                "This file has no video stream we can decode; export it as MP4 (H.264) and upload it again."));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<String> renditions = new VideoTranscoder(ffmpeg).transcode(original, probe, out,
                p -> repo.progress(db.execute(), id, p, clock.instant()));
        return new MediaStore.Outcome(probe.durationSec(), probe.width(), probe.height(), null, renditions);
    }

    /** Whether a purpose needs the job at all (and, for video, whether ffmpeg is there to do it). */
    public boolean needsWork(MediaPurpose purpose) {
        return switch (purpose) {
            case VIDEO -> ffmpeg.available();
            case DOCUMENT, IMAGE -> true;
            case SUBTITLE, SUBMISSION -> false;
        };
    }

    private static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
