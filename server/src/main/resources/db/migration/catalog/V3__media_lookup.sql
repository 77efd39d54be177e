-- Which lessons use a media item (who may play it): the video or PDF, and subtitle tracks.
CREATE INDEX published_lessons_media_idx ON published_lessons ((content ->> 'mediaId'));
CREATE INDEX published_lessons_subtitles_idx ON published_lessons USING gin ((content -> 'subtitles') jsonb_path_ops);
CREATE INDEX lessons_media_idx ON lessons ((content ->> 'mediaId'));
CREATE INDEX lessons_subtitles_idx ON lessons USING gin ((content -> 'subtitles') jsonb_path_ops);
CREATE INDEX published_courses_thumbnail_idx ON published_courses (thumbnail_media_id);
