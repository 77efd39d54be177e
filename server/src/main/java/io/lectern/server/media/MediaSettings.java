package io.lectern.server.media;

import io.lectern.server.platform.config.ConfigException;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.config.ModuleSettings;
import io.lectern.server.platform.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Media settings.
 *
 * @param s3                 S3-compatible object storage; empty keeps media on the local filesystem (data dir)
 * @param urlTtl             how long signed playback URLs work
 * @param instructorQuota    bytes an instructor (or admin) may store
 * @param studentQuota       bytes a student may store (assignment files, avatar)
 * @param ffmpeg             ffmpeg command
 * @param ffprobe            ffprobe command
 * @param clamd              {@code host:port} of a ClamAV daemon to scan uploads with, if any
 * @param uploadExpiry       how long an unfinished upload may be resumed
 * @param processingRetry    delay before a failed processing job runs again (doubling each time)
 * @param sharedDir          a directory every instance mounts (a shared volume): unfinished uploads are staged there,
 *                           and media kept there without S3, so an upload started on one instance resumes on another;
 *                           empty keeps both under this instance's data dir
 */
public record MediaSettings(Optional<S3> s3, Duration urlTtl, long instructorQuota, long studentQuota, String ffmpeg,
                            String ffprobe, Optional<String> clamd, Duration uploadExpiry, Duration processingRetry,
                            Optional<Path> sharedDir) {

    /** The keys this module reads. */
    public static final Set<String> KEYS = Set.of("s3.endpoint", "s3.region", "s3.bucket", "s3.access-key",
            "s3.secret-key", "media.url-ttl-minutes", "media.instructor-quota-mb", "media.student-quota-mb",
            "media.ffmpeg", "media.ffprobe", "media.clamd", "media.processing-retry-seconds", "media.shared-dir");

    /** Reads this module's settings; {@code LecternConfig.module(MediaSettings.READER)} gives them. */
    public static final ModuleSettings<MediaSettings> READER = ModuleSettings.of(MediaSettings.class, KEYS,
            MediaSettings::read);

    public static final MediaSettings DEFAULTS = new MediaSettings(Optional.empty(), Duration.ofHours(4), 50L << 30,
            1L << 30, "ffmpeg", "ffprobe", Optional.empty(), Duration.ofDays(3), Duration.ofSeconds(15), Optional.empty());

    /**
     * An S3 bucket.
     *
     * @param endpoint  service address (empty for AWS itself), e.g. {@code http://minio:9000}
     * @param region    region
     * @param bucket    bucket
     * @param accessKey access key id
     * @param secretKey secret access key
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", keys=***]";
        }
    }

    /**
     * Reads and validates the media settings.
     *
     * @param s        the raw settings
     * @param platform the platform settings (unused: media needs none of them)
     * @return the settings
     * @throws ConfigException when a value is wrong, or the S3 keys are incomplete
     */
    public static MediaSettings read(Settings s, LecternConfig platform) {
        Optional<S3> s3 = s.text("s3.bucket").map(bucket -> new S3(
                s.text("s3.endpoint").orElse(""), s.text("s3.region").orElse("us-east-1"), bucket,
                s.required("s3.access-key", "s3.bucket"), s.required("s3.secret-key", "s3.bucket")));
        s.text("s3.endpoint").filter(e -> !e.matches("https?://[^\\s/]+.*")).ifPresent(e -> {
            throw new ConfigException(s.origin("s3.endpoint") + " must look like http://minio:9000, but is '" + e + "'.");
        });
        s.text("media.clamd").filter(c -> !c.matches("[^\\s:]+:\\d{1,5}")).ifPresent(c -> {
            throw new ConfigException(s.origin("media.clamd") + " must look like clamav:3310, but is '" + c + "'.");
        });
        return new MediaSettings(s3, Duration.ofMinutes(s.integer("media.url-ttl-minutes", 240, 1, 7 * 24 * 60)),
                (long) s.integer("media.instructor-quota-mb", 50 * 1024, 1, Integer.MAX_VALUE) << 20,
                (long) s.integer("media.student-quota-mb", 1024, 1, Integer.MAX_VALUE) << 20,
                s.text("media.ffmpeg").orElse("ffmpeg"), s.text("media.ffprobe").orElse("ffprobe"),
                s.text("media.clamd"), DEFAULTS.uploadExpiry(),
                Duration.ofSeconds(s.integer("media.processing-retry-seconds", 15, 1, 3600)),
                s.text("media.shared-dir").map(Path::of));
    }

    public MediaSettings withS3(S3 bucket) {
        return new MediaSettings(Optional.of(bucket), urlTtl, instructorQuota, studentQuota, ffmpeg, ffprobe, clamd,
                uploadExpiry, processingRetry, sharedDir);
    }

    public MediaSettings withProcessingRetry(Duration retry) {
        return new MediaSettings(s3, urlTtl, instructorQuota, studentQuota, ffmpeg, ffprobe, clamd, uploadExpiry, retry,
                sharedDir);
    }

    public MediaSettings withSharedDir(Path dir) {
        return new MediaSettings(s3, urlTtl, instructorQuota, studentQuota, ffmpeg, ffprobe, clamd, uploadExpiry,
                processingRetry, Optional.of(dir));
    }

    public MediaSettings withQuotas(long instructor, long student) {
        return new MediaSettings(s3, urlTtl, instructor, student, ffmpeg, ffprobe, clamd, uploadExpiry, processingRetry,
                sharedDir);
    }

    public MediaSettings withTools(String ffmpegCommand, String ffprobeCommand) {
        return new MediaSettings(s3, urlTtl, instructorQuota, studentQuota, ffmpegCommand, ffprobeCommand, clamd,
                uploadExpiry, processingRetry, sharedDir);
    }
}
