package io.lectern.model.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A media item as its owner and course staff see it.
 *
 * @param id          media id
 * @param purpose     what it is for
 * @param filename    sanitised original name
 * @param contentType detected content type
 * @param size        bytes of the original
 * @param status      PROCESSING, READY or FAILED
 * @param progress    processing progress, 0–100
 * @param error       why processing failed, in words an instructor can act on
 * @param durationSec video duration
 * @param width       video or image width
 * @param height      video or image height
 * @param pageCount   PDF pages
 * @param renditions  what was produced: hls, mp4, poster, sprite, vtt, thumbnail
 * @param createdAt   when the upload completed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaView(UUID id, MediaPurpose purpose, String filename, String contentType, long size, String status,
                        int progress, String error, Double durationSec, Integer width, Integer height, Integer pageCount,
                        List<String> renditions, Instant createdAt) {
}
