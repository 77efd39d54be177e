-- Quizzes: the question bank of a course's quiz lessons, and learners' attempts with server-owned deadlines.

CREATE TABLE quizzes (
    id                uuid PRIMARY KEY,
    course_id         uuid        NOT NULL,
    title             text        NOT NULL,
    time_limit_sec    integer CHECK (time_limit_sec > 0),
    max_attempts      integer CHECK (max_attempts > 0),
    passing_percent   integer     NOT NULL CHECK (passing_percent BETWEEN 0 AND 100),
    shuffle_questions boolean     NOT NULL,
    shuffle_options   boolean     NOT NULL,
    feedback          text        NOT NULL CHECK (feedback IN ('IMMEDIATE', 'AFTER_DUE', 'NEVER')),
    show_answers      boolean     NOT NULL,
    due_at            timestamptz,
    questions         jsonb       NOT NULL,  -- ids, prompts, options and answers; never sent to learners whole
    created_by        uuid        NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX quizzes_course_idx ON quizzes (course_id);

CREATE TABLE attempts (
    id             uuid PRIMARY KEY,
    quiz_id        uuid        NOT NULL REFERENCES quizzes (id),
    user_id        uuid        NOT NULL,
    number         integer     NOT NULL,
    status         text        NOT NULL CHECK (status IN ('IN_PROGRESS', 'AWAITING_REVIEW', 'GRADED')),
    started_at     timestamptz NOT NULL,
    deadline       timestamptz,
    submitted_at   timestamptz,
    auto_submitted boolean     NOT NULL DEFAULT false,
    layout         jsonb       NOT NULL,  -- question order and option order of this attempt
    answers        jsonb       NOT NULL DEFAULT '{}',
    grades         jsonb       NOT NULL DEFAULT '{}',  -- points per question (essays once graded), comments
    score          double precision,
    max_score      double precision,
    passed         boolean,
    UNIQUE (quiz_id, user_id, number)
);
-- at most one attempt in progress per learner and quiz
CREATE UNIQUE INDEX attempts_one_open ON attempts (quiz_id, user_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempts_deadline_idx ON attempts (deadline) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempts_review_idx ON attempts (quiz_id) WHERE status = 'AWAITING_REVIEW';
