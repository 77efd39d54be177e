/**
 * Media: resumable uploads (tus 1.0), validation by content, storage on the filesystem or S3, processing in
 * background jobs (HLS ladder, MP4, poster, sprite, PDF thumbnails, WebVTT subtitles) and signed, expiring range
 * streaming. Other modules use {@link io.lectern.server.media.MediaService}; the catalog plugs in
 * {@link io.lectern.server.media.PlaybackCheck}.
 */
package io.lectern.server.media;
