package io.lectern.model.media;

import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload: where it stands. Its id is also the media id it becomes.
 *
 * @param id        upload id (= media id)
 * @param offset    bytes received so far; the next chunk starts here
 * @param size      the whole file's size
 * @param status    OPEN (more bytes expected), COMPLETE (became media) or FAILED
 * @param error     why it failed
 * @param expiresAt when an unfinished upload is discarded
 */
public record UploadStatus(UUID id, long offset, long size, String status, String error, Instant expiresAt) {
}
