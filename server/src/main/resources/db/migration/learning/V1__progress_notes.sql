-- Learning: progress per learner and lesson, the client events already applied, study days, notes.

-- Every change a learner's client should hear about on its next sync gets a number from this sequence.
CREATE SEQUENCE changes;

CREATE TABLE lesson_progress (
    user_id        uuid             NOT NULL,
    lesson_id      uuid             NOT NULL,
    course_id      uuid             NOT NULL,
    -- unique seconds watched, as ranges of whole seconds: unions merge overlapping heartbeats in any order
    watched        int4multirange   NOT NULL DEFAULT '{}',
    duration_sec   integer          NOT NULL DEFAULT 0,
    position_sec   double precision NOT NULL DEFAULT 0,
    position_at    timestamptz,     -- client time of the position: the latest wins
    time_spent_sec bigint           NOT NULL DEFAULT 0,
    completed_at   timestamptz,     -- sticky once set
    last_accessed  timestamptz      NOT NULL,
    change         bigint           NOT NULL DEFAULT nextval('learning.changes'),
    PRIMARY KEY (user_id, lesson_id)
);
CREATE INDEX lesson_progress_course_idx ON lesson_progress (course_id, user_id);
CREATE INDEX lesson_progress_change_idx ON lesson_progress (user_id, change);

-- Client event ids already applied: a repeat is a duplicate, whatever order events arrive in.
CREATE TABLE applied_events (
    user_id    uuid        NOT NULL,
    event_id   text        NOT NULL,
    applied_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, event_id)
);

-- Study seconds per day in the learner's time zone (the streak).
CREATE TABLE study_days (
    user_id uuid    NOT NULL,
    day     date    NOT NULL,
    seconds integer NOT NULL,
    PRIMARY KEY (user_id, day)
);

CREATE TABLE notes (
    id           uuid PRIMARY KEY,
    user_id      uuid             NOT NULL,
    lesson_id    uuid             NOT NULL,
    course_id    uuid             NOT NULL,
    kind         text             NOT NULL CHECK (kind IN ('NOTE', 'BOOKMARK')),
    position_sec double precision,
    body         text             NOT NULL DEFAULT '',
    deleted      boolean          NOT NULL DEFAULT false,
    client_time  timestamptz      NOT NULL,
    change       bigint           NOT NULL DEFAULT nextval('learning.changes'),
    search       tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
CREATE INDEX notes_lesson_idx ON notes (user_id, lesson_id);
CREATE INDEX notes_change_idx ON notes (user_id, change);
CREATE INDEX notes_search_idx ON notes USING gin (search);

-- Courses a learner has completed (all required lessons): CourseCompleted is published once.
CREATE TABLE course_completions (
    user_id      uuid        NOT NULL,
    course_id    uuid        NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, course_id)
);
