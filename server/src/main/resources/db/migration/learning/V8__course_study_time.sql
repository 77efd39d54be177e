-- Study seconds per course and quarter hour (UTC), besides study_time (per learner, for streaks): subscription
-- revenue is shared among the courses a subscriber studied, by this time.
CREATE TABLE course_study_time (
    user_id   uuid        NOT NULL,
    course_id uuid        NOT NULL,
    slot      timestamptz NOT NULL,
    seconds   integer     NOT NULL,
    PRIMARY KEY (user_id, course_id, slot)
);
