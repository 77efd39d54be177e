package io.lectern.model.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Signed, expiring URLs to play one media item ({@code GET /api/v1/media/{id}/playback}). They work only for this
 * media item and until {@code expiresAt}; HLS playlists carry signed segment URLs.
 *
 * @param hlsUrl    HLS master playlist (null until transcoded, or without ffmpeg)
 * @param mp4Url    progressive MP4 (or the original file when there are no renditions)
 * @param posterUrl poster image
 * @param spriteUrl WebVTT thumbnail track for scrubbing previews (points into a sprite image)
 * @param subtitles subtitle tracks
 * @param fileUrl     the file itself, shown in place (PDFs, images, attachments, handed-in files)
 * @param downloadUrl the same file, saved under its name instead of shown
 * @param expiresAt   when the URLs stop working
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Playback(String hlsUrl, String mp4Url, String posterUrl, String spriteUrl, List<SubtitleTrack> subtitles,
                       String fileUrl, String downloadUrl, Instant expiresAt) {

    /**
     * One subtitle language.
     *
     * @param language BCP 47 tag
     * @param url      signed WebVTT URL
     */
    public record SubtitleTrack(String language, String url) {
    }
}
