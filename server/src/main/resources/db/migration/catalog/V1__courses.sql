-- Courses and their outline. Instructors are referenced by user id with the display name the identity
-- module announced, so the catalog never reads identity's tables.
CREATE TABLE categories (
    slug     text PRIMARY KEY,
    name     text    NOT NULL,
    position integer NOT NULL DEFAULT 0
);

CREATE TABLE courses (
    id           uuid PRIMARY KEY,
    slug         text        NOT NULL UNIQUE,
    title        text        NOT NULL,
    subtitle     text        NOT NULL DEFAULT '',
    description  text        NOT NULL DEFAULT '',
    category     text        NOT NULL REFERENCES categories (slug),
    level        text        NOT NULL CHECK (level IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    language     text        NOT NULL DEFAULT 'en',
    price_minor  bigint      NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
    currency     text        NOT NULL DEFAULT 'USD',
    status       text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX courses_published_idx ON courses (published_at DESC, id DESC) WHERE status = 'PUBLISHED';

CREATE TABLE course_instructors (
    course_id    uuid    NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    user_id      uuid    NOT NULL,
    display_name text    NOT NULL,
    position     integer NOT NULL,
    PRIMARY KEY (course_id, user_id)
);
CREATE INDEX course_instructors_user_idx ON course_instructors (user_id);

CREATE TABLE sections (
    id        uuid PRIMARY KEY,
    course_id uuid    NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    title     text    NOT NULL,
    position  integer NOT NULL
);
CREATE INDEX sections_course_idx ON sections (course_id, position);

CREATE TABLE lessons (
    id           uuid PRIMARY KEY,
    section_id   uuid    NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    course_id    uuid    NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    title        text    NOT NULL,
    type         text    NOT NULL CHECK (type IN ('VIDEO', 'ARTICLE', 'PDF', 'QUIZ', 'ASSIGNMENT', 'LIVE', 'EMBED')),
    position     integer NOT NULL,
    duration_sec integer NOT NULL DEFAULT 0,
    preview      boolean NOT NULL DEFAULT false,
    body         text    NOT NULL DEFAULT ''
);
CREATE INDEX lessons_section_idx ON lessons (section_id, position);
