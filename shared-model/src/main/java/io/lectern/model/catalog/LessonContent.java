package io.lectern.model.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The type-specific content of a lesson; only the fields of the lesson's type are used.
 *
 * @param mediaId       video or PDF media id
 * @param subtitles     video subtitle tracks
 * @param body          article Markdown
 * @param quizId        quiz id
 * @param instructions  assignment Markdown
 * @param liveSessionId live session id
 * @param url           embed page (https)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LessonContent(UUID mediaId, List<Subtitle> subtitles, String body, UUID quizId, String instructions,
                            UUID liveSessionId, String url) {

    public static final LessonContent EMPTY = new LessonContent(null, List.of(), null, null, null, null, null);

    public LessonContent {
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
    }
}
