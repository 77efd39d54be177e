package io.lectern.model.media;

/**
 * Starts a resumable upload ({@code POST /api/v1/uploads}); chunks follow with {@code PATCH} as in tus 1.0.
 *
 * @param filename    the file's name on the uploader's machine (sanitised; only for display and downloads)
 * @param size        the whole file's size in bytes
 * @param contentType what the uploader believes it is (checked against the content)
 * @param purpose     what it is for
 * @param sha256      optional hex SHA-256 of the whole file, verified when the last byte arrives
 */
public record UploadRequest(String filename, Long size, String contentType, MediaPurpose purpose, String sha256) {
}
