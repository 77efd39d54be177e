package io.lectern.model.media;

/** What an upload is for; each purpose allows its own content types and sizes. */
public enum MediaPurpose {
    /** A course video: transcoded to HLS and MP4, with a poster and a scrubbing sprite. */
    VIDEO,
    /** A course PDF or attachment: page count and a first-page thumbnail. */
    DOCUMENT,
    /** A thumbnail or avatar (PNG, JPEG, WebP). */
    IMAGE,
    /** A subtitle track (WebVTT or SRT; SRT is converted to WebVTT). */
    SUBTITLE,
    /** A learner's assignment file. */
    SUBMISSION
}
