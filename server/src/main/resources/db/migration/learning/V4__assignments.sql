-- Assignments: settings of an assignment lesson (the assignment's id is the lesson's), submissions, rubric grades.

CREATE TABLE assignments (
    id                   uuid PRIMARY KEY,  -- the lesson id
    course_id            uuid        NOT NULL,
    instructions         text        NOT NULL DEFAULT '',
    due_at               timestamptz,
    time_zone            text        NOT NULL DEFAULT 'UTC',
    late_policy          text        NOT NULL CHECK (late_policy IN ('ACCEPT', 'PENALTY', 'REJECT')),
    late_penalty_percent integer     NOT NULL DEFAULT 0 CHECK (late_penalty_percent BETWEEN 0 AND 100),
    allow_text           boolean     NOT NULL,
    allow_files          boolean     NOT NULL,
    max_submissions      integer     NOT NULL CHECK (max_submissions BETWEEN 1 AND 20),
    completes_on         text        NOT NULL CHECK (completes_on IN ('SUBMITTED', 'PASSED')),
    passing_percent      integer     NOT NULL CHECK (passing_percent BETWEEN 0 AND 100),
    rubric               jsonb       NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX assignments_course_idx ON assignments (course_id);

CREATE TABLE submissions (
    id            uuid PRIMARY KEY,
    assignment_id uuid             NOT NULL REFERENCES assignments (id),
    user_id       uuid             NOT NULL,
    number        integer          NOT NULL,
    body          text,
    media_ids     uuid[]           NOT NULL DEFAULT '{}',
    submitted_at  timestamptz      NOT NULL,
    late          boolean          NOT NULL,
    status        text             NOT NULL CHECK (status IN ('SUBMITTED', 'GRADED', 'RELEASED')),
    rubric_scores jsonb,
    points        double precision,
    max_points    double precision,
    feedback      text,
    graded_by     uuid,
    graded_at     timestamptz,
    released_at   timestamptz,
    UNIQUE (assignment_id, user_id, number)
);
CREATE INDEX submissions_queue_idx ON submissions (assignment_id, status);
