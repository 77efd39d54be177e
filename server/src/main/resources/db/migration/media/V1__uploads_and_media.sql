-- Media: resumable uploads and the media they become (an upload's id is its media id).

-- An upload in progress: bytes arrive in order into a staging file under the data dir.
CREATE TABLE uploads (
    id            uuid PRIMARY KEY,
    owner_id      uuid        NOT NULL,
    purpose       text        NOT NULL CHECK (purpose IN ('VIDEO', 'DOCUMENT', 'IMAGE', 'SUBTITLE', 'SUBMISSION')),
    filename      text        NOT NULL,
    declared_type text        NOT NULL,
    size          bigint      NOT NULL CHECK (size > 0),
    received      bigint      NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= size),
    sha256        text,
    status        text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'COMPLETE', 'FAILED', 'EXPIRED')),
    error         text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX uploads_owner_idx ON uploads (owner_id, created_at);
CREATE INDEX uploads_open_idx ON uploads (expires_at) WHERE status = 'OPEN';

-- A stored file and what processing made of it.
CREATE TABLE media (
    id           uuid PRIMARY KEY,
    owner_id     uuid        NOT NULL,
    purpose      text        NOT NULL,
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    size         bigint      NOT NULL,
    sha256       text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PROCESSING', 'READY', 'FAILED')),
    progress     integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    error        text,
    duration_sec double precision,
    width        integer,
    height       integer,
    page_count   integer,
    renditions   text[]      NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX media_owner_idx ON media (owner_id, created_at);
