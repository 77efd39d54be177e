-- Authoring works on the draft tables of V1 (courses, sections, lessons). What learners and the search see is a
-- snapshot (published_courses, published_lessons) that every publish replaces in the publish transaction, so
-- edits to a published course stay invisible until the instructor publishes again. Lessons keep their ids
-- across publishes (learners' progress refers to them).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA catalog;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA catalog;

-- Text as the search compares it: accents removed ("Crème brûlée" matches "creme brulee"). Declared immutable
-- (the unaccent rules do not change under a running catalog) so indexes and the planner may use it.
CREATE FUNCTION fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT catalog.unaccent('catalog.unaccent'::regdictionary, $1)
$$;

ALTER TABLE courses
    ADD COLUMN owner_id           uuid,
    ADD COLUMN tags               text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN pricing            text        NOT NULL DEFAULT 'FREE'
        CHECK (pricing IN ('FREE', 'ONE_TIME', 'SUBSCRIPTION')),
    ADD COLUMN thumbnail_media_id uuid,
    ADD COLUMN updated_at         timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN revision           integer     NOT NULL DEFAULT 1,
    ADD COLUMN published_revision integer,
    ADD COLUMN published_version  integer     NOT NULL DEFAULT 0;
UPDATE courses c
   SET pricing = CASE WHEN price_minor > 0 THEN 'ONE_TIME' ELSE 'FREE' END,
       owner_id = (SELECT i.user_id FROM course_instructors i WHERE i.course_id = c.id ORDER BY i.position LIMIT 1),
       published_revision = CASE WHEN status = 'PUBLISHED' THEN 1 END,
       published_version = CASE WHEN status = 'PUBLISHED' THEN 1 ELSE 0 END;
ALTER TABLE courses ALTER COLUMN owner_id SET NOT NULL;
ALTER TABLE courses ADD CONSTRAINT courses_price_rule
    CHECK ((pricing = 'ONE_TIME') = (price_minor > 0));
DROP INDEX courses_published_idx;
CREATE INDEX courses_owner_idx ON courses (owner_id);

ALTER TABLE lessons
    ADD COLUMN content  jsonb   NOT NULL DEFAULT '{}',
    ADD COLUMN required boolean NOT NULL DEFAULT true;
UPDATE lessons SET content = jsonb_build_object('body', body) WHERE body <> '';
ALTER TABLE lessons DROP COLUMN body;
CREATE INDEX lessons_course_idx ON lessons (course_id);

CREATE TABLE lesson_prerequisites (
    lesson_id   uuid NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    required_id uuid NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    PRIMARY KEY (lesson_id, required_id),
    CHECK (lesson_id <> required_id)
);
CREATE INDEX lesson_prerequisites_required_idx ON lesson_prerequisites (required_id);

-- The text search configuration for a course's teaching language (stemming); 'simple' when PostgreSQL has none.
CREATE FUNCTION search_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE split_part(lower(language), '-', 1)
        WHEN 'en' THEN 'english' WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish'
        WHEN 'it' THEN 'italian' WHEN 'pt' THEN 'portuguese' WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish'
        WHEN 'da' THEN 'danish' WHEN 'nb' THEN 'norwegian' WHEN 'no' THEN 'norwegian' WHEN 'fi' THEN 'finnish'
        WHEN 'ru' THEN 'russian' WHEN 'tr' THEN 'turkish' WHEN 'hu' THEN 'hungarian' WHEN 'ro' THEN 'romanian'
        WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'el' THEN 'greek' WHEN 'lt' THEN 'lithuanian'
        WHEN 'ne' THEN 'nepali' WHEN 'ta' THEN 'tamil' WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian'
        WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan' WHEN 'hi' THEN 'hindi' WHEN 'sr' THEN 'serbian'
        WHEN 'yi' THEN 'yiddish' ELSE 'simple' END)::regconfig
$$;

-- What learners and the search see.
CREATE TABLE published_courses (
    course_id          uuid PRIMARY KEY REFERENCES courses (id) ON DELETE CASCADE,
    slug               text          NOT NULL UNIQUE,
    status             text          NOT NULL CHECK (status IN ('PUBLISHED', 'ARCHIVED')),
    version            integer       NOT NULL,
    owner_id           uuid          NOT NULL,
    title              text          NOT NULL,
    subtitle           text          NOT NULL,
    description        text          NOT NULL,
    description_html   text          NOT NULL,
    category           text          NOT NULL REFERENCES categories (slug),
    tags               text[]        NOT NULL,
    level              text          NOT NULL,
    language           text          NOT NULL,
    pricing            text          NOT NULL,
    price_minor        bigint        NOT NULL,
    currency           text          NOT NULL,
    thumbnail_media_id uuid,
    instructors        jsonb         NOT NULL,
    instructor_ids     uuid[]        NOT NULL,
    lesson_count       integer       NOT NULL,
    duration_sec       integer       NOT NULL,
    rating_avg         numeric(3, 2) NOT NULL DEFAULT 0,
    rating_count       integer       NOT NULL DEFAULT 0,
    rating_hist        integer[]     NOT NULL DEFAULT '{0,0,0,0,0}',
    enrollment_count   bigint        NOT NULL DEFAULT 0,
    first_published_at timestamptz   NOT NULL,
    published_at       timestamptz   NOT NULL,
    search             tsvector      NOT NULL,
    rank_vector        tsvector      NOT NULL DEFAULT ''
);
-- search (with the description) finds courses through its GIN index; rank_vector (title, subtitle, tags, names:
-- small, kept inline) orders them. The large columns live out of line (toast_tuple_target), so a row on the heap
-- is a few hundred bytes: ranking and counting thousands of matches touches few pages and never the big vectors.
ALTER TABLE published_courses SET (toast_tuple_target = 256);
ALTER TABLE published_courses ALTER COLUMN rank_vector SET STORAGE MAIN;
ALTER TABLE published_courses ALTER COLUMN instructors SET STORAGE MAIN;
CREATE INDEX published_courses_search_idx ON published_courses USING gin (search) WHERE status = 'PUBLISHED';
CREATE INDEX published_courses_newest_idx ON published_courses (first_published_at DESC, course_id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX published_courses_rating_idx ON published_courses (rating_avg DESC, course_id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX published_courses_popular_idx ON published_courses (enrollment_count DESC, course_id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX published_courses_price_idx ON published_courses (price_minor, course_id) WHERE status = 'PUBLISHED';
CREATE INDEX published_courses_category_idx ON published_courses (category, first_published_at DESC, course_id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX published_courses_instructors_idx ON published_courses USING gin (instructor_ids);

CREATE TABLE published_lessons (
    lesson_id        uuid PRIMARY KEY,
    course_id        uuid    NOT NULL REFERENCES published_courses (course_id) ON DELETE CASCADE,
    section_id       uuid    NOT NULL,
    section_title    text    NOT NULL,
    section_position integer NOT NULL,
    position         integer NOT NULL,
    title            text    NOT NULL,
    type             text    NOT NULL,
    duration_sec     integer NOT NULL,
    preview          boolean NOT NULL,
    required         boolean NOT NULL,
    content          jsonb   NOT NULL,
    html             text,
    prerequisite_ids uuid[]  NOT NULL
);
CREATE INDEX published_lessons_course_idx ON published_lessons (course_id, section_position, position);

-- Words of published titles, subtitles, tags, categories and instructor names: the spelling lexicon that
-- corrects a misspelt query when full-text search finds nothing. The GiST trigram index answers "the nearest
-- word" directly (k-nearest-neighbour on trigram distance), with no similarity threshold to tune.
CREATE TABLE search_words (
    word text PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING gist (word gist_trgm_ops);

-- The instructor directory, refreshed when one of their courses is published, archived or reviewed.
CREATE TABLE instructor_directory (
    user_id      uuid PRIMARY KEY,
    display_name text          NOT NULL,
    course_count integer       NOT NULL,
    topics       text[]        NOT NULL,
    rating_avg   numeric(3, 2) NOT NULL,
    learners     bigint        NOT NULL,
    search       tsvector      NOT NULL
);
CREATE INDEX instructor_directory_search_idx ON instructor_directory USING gin (search);
CREATE INDEX instructor_directory_name_trgm_idx ON instructor_directory USING gin (display_name gin_trgm_ops);

CREATE TABLE reviews (
    id            uuid PRIMARY KEY,
    course_id     uuid        NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    author_id     uuid        NOT NULL,
    author_name   text        NOT NULL,
    rating        smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body          text        NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    reply_body    text,
    reply_author  uuid,
    reply_name    text,
    reply_at      timestamptz,
    hidden        boolean     NOT NULL DEFAULT false,
    hidden_reason text,
    report_count  integer     NOT NULL DEFAULT 0,
    CONSTRAINT reviews_one_per_author UNIQUE (course_id, author_id)
);
CREATE INDEX reviews_course_idx ON reviews (course_id, created_at DESC, id DESC);
CREATE INDEX reviews_reported_idx ON reviews (report_count DESC, id) WHERE report_count > 0 AND NOT hidden;

CREATE TABLE review_reports (
    review_id   uuid        NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    reporter_id uuid        NOT NULL,
    reason      text        NOT NULL,
    details     text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (review_id, reporter_id)
);

-- Courses published before this migration (the demo seed) get their snapshot now.
INSERT INTO published_courses (course_id, slug, status, version, owner_id, title, subtitle, description,
                               description_html, category, tags, level, language, pricing, price_minor, currency,
                               instructors, instructor_ids, lesson_count, duration_sec, first_published_at,
                               published_at, search)
SELECT c.id, c.slug, 'PUBLISHED', 1, c.owner_id, c.title, c.subtitle, c.description, '', c.category, c.tags, c.level,
       c.language, c.pricing, c.price_minor, c.currency,
       (SELECT jsonb_agg(jsonb_build_object('id', i.user_id, 'displayName', i.display_name,
                                            'owner', i.user_id = c.owner_id) ORDER BY i.position)
          FROM course_instructors i WHERE i.course_id = c.id),
       ARRAY(SELECT i.user_id FROM course_instructors i WHERE i.course_id = c.id ORDER BY i.position),
       (SELECT count(*) FROM lessons l WHERE l.course_id = c.id),
       (SELECT coalesce(sum(l.duration_sec), 0) FROM lessons l WHERE l.course_id = c.id),
       c.published_at, c.published_at,
       setweight(to_tsvector(search_config(c.language), fold(c.title)), 'A')
           || setweight(to_tsvector('simple', fold(c.title)), 'A')
           || setweight(to_tsvector(search_config(c.language), fold(c.subtitle)), 'B')
           || setweight(to_tsvector(search_config(c.language), fold(c.description)), 'D')
  FROM courses c
 WHERE c.status = 'PUBLISHED';
UPDATE published_courses SET rank_vector = strip(search) WHERE false;
INSERT INTO published_lessons (lesson_id, course_id, section_id, section_title, section_position, position, title,
                               type, duration_sec, preview, required, content, prerequisite_ids)
SELECT l.id, l.course_id, s.id, s.title, s.position, l.position, l.title, l.type, l.duration_sec, l.preview,
       l.required, l.content, '{}'
  FROM lessons l
  JOIN sections s ON s.id = l.section_id
  JOIN courses c ON c.id = l.course_id
 WHERE c.status = 'PUBLISHED';
