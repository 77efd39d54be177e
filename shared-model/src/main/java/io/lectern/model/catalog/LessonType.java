package io.lectern.model.catalog;

/** What a lesson is; each type needs its own content to be publishable. */
public enum LessonType {
    /** A media id (HLS video) with duration and subtitles. */
    VIDEO,
    /** Markdown text. */
    ARTICLE,
    /** A media id of a PDF document. */
    PDF,
    /** A quiz id. */
    QUIZ,
    /** Markdown instructions; learners hand in work. */
    ASSIGNMENT,
    /** A live session id. */
    LIVE,
    /** An external https page opened with a short-lived signed launch token. */
    EMBED
}
