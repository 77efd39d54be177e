package io.lectern.server.platform.config;

import java.time.Duration;
import java.util.Optional;

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
 */
public record MediaSettings(Optional<S3> s3, Duration urlTtl, long instructorQuota, long studentQuota, String ffmpeg,
                            String ffprobe, Optional<String> clamd, Duration uploadExpiry, Duration processingRetry) {

    public static final MediaSettings DEFAULTS = new MediaSettings(Optional.empty(), Duration.ofHours(4), 50L << 30,
            1L << 30, "ffmpeg", "ffprobe", Optional.empty(), Duration.ofDays(3), Duration.ofSeconds(15));

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

    public MediaSettings withS3(S3 bucket) {
        return new MediaSettings(Optional.of(bucket), urlTtl, instructorQuota, studentQuota, ffmpeg, ffprobe, clamd,
                uploadExpiry, processingRetry);
    }

    public MediaSettings withProcessingRetry(Duration retry) {
        return new MediaSettings(s3, urlTtl, instructorQuota, studentQuota, ffmpeg, ffprobe, clamd, uploadExpiry, retry);
    }

    public MediaSettings withQuotas(long instructor, long student) {
        return new MediaSettings(s3, urlTtl, instructor, student, ffmpeg, ffprobe, clamd, uploadExpiry, processingRetry);
    }

    public MediaSettings withTools(String ffmpegCommand, String ffprobeCommand) {
        return new MediaSettings(s3, urlTtl, instructorQuota, studentQuota, ffmpegCommand, ffprobeCommand, clamd,
                uploadExpiry, processingRetry);
    }
}
