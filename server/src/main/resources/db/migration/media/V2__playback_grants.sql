-- When each user first got signed URLs for a media item: watched time credited for a video cannot have grown
-- faster than real time since then (learning asks).
CREATE TABLE playback_grants (
    user_id  uuid        NOT NULL,
    media_id uuid        NOT NULL,
    first_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, media_id)
);
