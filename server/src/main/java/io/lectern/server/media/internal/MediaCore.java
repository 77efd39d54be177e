package io.lectern.server.media.internal;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.common.FieldViolation;
import io.lectern.model.media.MediaPurpose;
import io.lectern.server.media.PlaybackCheck;
import io.lectern.server.media.internal.delivery.FileRoutes;
import io.lectern.server.media.internal.delivery.Playback;
import io.lectern.server.media.internal.delivery.UrlSigner;
import io.lectern.server.media.internal.processing.Ffmpeg;
import io.lectern.server.media.internal.processing.MediaProcessor;
import io.lectern.server.media.internal.storage.LocalStorage;
import io.lectern.server.media.internal.storage.MediaStorage;
import io.lectern.server.media.internal.storage.S3Storage;
import io.lectern.server.media.internal.upload.MediaIntake;
import io.lectern.server.media.internal.upload.UploadRoutes;
import io.lectern.server.media.internal.upload.Uploads;
import io.lectern.server.media.internal.upload.VirusScanner;
import io.lectern.server.platform.db.Database;
import java.time.Clock;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.jobs.JobRunner;
import io.lectern.server.media.MediaSettings;
import io.lectern.server.platform.files.OwnerOnly;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.jobs.JobType;
import io.lectern.server.platform.security.SecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The media module's insides, wired: storage, resumable uploads, the processing job, signed delivery. The
 * {@link io.lectern.server.media.MediaService} facade is what other modules see.
 */
public final class MediaCore {

    private static final Logger LOG = Logger.getLogger(MediaCore.class.getName());

    private final MediaStorage storage;
    private final MediaProcessor processor;
    private final Playback playback;
    private final MediaDeletion deletion;
    private final MediaStore repo = new MediaStore();
    private final Database database;
    private final Clock clock;

    public MediaCore(Database database, Clock clock, Ids ids, Json json, JobRunner jobs, SecretBox secrets,
                     MediaSettings settings, boolean trustForwardedFor, Path data, int port, ApiRoutes routes) {
        this.database = database;
        this.clock = clock;
        try {
            Path shared = settings.sharedDir().orElse(data);
            this.storage = settings.s3().isPresent() ? new S3Storage(settings.s3().get()).ensureBucket()
                    : new LocalStorage(shared.resolve("media"));
            Path staging = OwnerOnly.directory(shared.resolve("uploads"));
            Ffmpeg ffmpeg = new Ffmpeg(settings.ffmpeg(), settings.ffprobe());
            if (!ffmpeg.available()) {
                LOG.warning("ffmpeg/ffprobe not found (" + settings.ffmpeg() + ", " + settings.ffprobe() + "): videos are "
                        + "served as uploaded, without HLS renditions, posters or thumbnails. Install ffmpeg to get them.");
            }
            this.processor = new MediaProcessor(database, clock, repo, storage, ffmpeg,
                    OwnerOnly.directory(data.resolve("media-work")));
            JobType<String> job = jobs.define("media.process", String.class, MediaProcessor.ATTEMPTS,
                    settings.processingRetry(), (id, attempt) -> processor.process(UUID.fromString(id), attempt));
            this.deletion = new MediaDeletion(database, clock, repo, storage);
            Uploads uploads = new Uploads(database, clock, ids, settings, repo, staging, deletion,
                    new MediaIntake(database, clock, repo, storage, settings.clamd().map(VirusScanner::new),
                            processor::needsWork, id -> jobs.enqueue(job, id.toString(), id.toString())));
            new UploadRoutes(json, uploads).register(routes);
            UrlSigner signer = new UrlSigner(secrets);
            this.playback = new Playback(database, clock, settings, repo, signer);
            new MediaRoutes(json, new MediaLibrary(database, settings, repo), deletion).register(routes);
            new FileRoutes(clock, json, trustForwardedFor, port, signer, playback, storage).register(routes);
            jobs.every("media.expire-uploads", Duration.ofMinutes(10), uploads::expire);
            jobs.every("media.resume-processing", Duration.ofMinutes(1), () -> repo.processing(
                    database.execute()).forEach(id -> jobs.enqueue(job, id.toString(), id.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new MediaPersonalData(repo, storage, deletion, clock);
    }

    public void addUse(io.lectern.server.media.MediaUse use) {
        deletion.add(use);
    }

    public void addPlaybackCheck(PlaybackCheck check) {
        playback.add(check);
    }

    public java.util.Optional<byte[]> imageBytes(UUID mediaId) {
        return repo.media(database.execute(), mediaId).filter(m -> m.view().purpose()
                == io.lectern.model.media.MediaPurpose.IMAGE && "READY".equals(m.view().status())).map(m -> {
                    try (var in = storage.open(mediaId + "/original", 0, m.view().size())) {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    public boolean isReadyUpload(UUID mediaId, UUID userId, io.lectern.model.media.MediaPurpose purpose) {
        return repo.media(database.execute(), mediaId).filter(m -> m.ownerId().equals(userId)
                && m.view().purpose() == purpose && "READY".equals(m.view().status())).isPresent();
    }

    public Optional<FieldViolation> attachRefusal(DbExecute tx, UUID mediaId, java.util.function.Predicate<UUID> owners,
                                                  String field, Set<MediaPurpose> purposes) {
        var media = repo.share(tx, mediaId).filter(m -> owners.test(m.ownerId()));
        String kinds = String.join(" or ", purposes.stream().map(p -> p.name().toLowerCase(Locale.ROOT))
                .sorted().toList());
        if (media.isEmpty()) {
            return Optional.of(new FieldViolation(field, "not_yours",
                    "There is no " + kinds + " upload of yours (or of this course's staff) with this id; upload the file "
                            + "first and use the id it gets."));
        }
        if (!purposes.contains(media.get().view().purpose())) {
            return Optional.of(new FieldViolation(field, "purpose",
                    "This upload is a " + media.get().view().purpose().name().toLowerCase(Locale.ROOT)
                            + "; " + field + " takes a " + kinds + "."));
        }
        return Optional.empty();
    }

    public java.util.Map<UUID, io.lectern.model.media.MediaView> describe(DbExecute db, Collection<UUID> ids) {
        return repo.media(db, ids).stream().collect(java.util.stream.Collectors.toMap(
                m -> m.view().id(), MediaStore.Media::view));
    }

    public Optional<java.time.Instant> firstPlayback(DbExecute db, UUID userId, UUID mediaId) {
        return repo.firstGrant(db, userId, mediaId);
    }

    public java.util.Optional<Integer> pageCount(DbExecute db, UUID mediaId) {
        return repo.media(db, mediaId).map(m -> m.view().pageCount());
    }

}
