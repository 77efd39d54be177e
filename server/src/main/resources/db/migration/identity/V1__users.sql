-- Accounts. Emails are compared case-insensitively; the unique index is on lower(email).
CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text        NOT NULL,
    display_name   text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('STUDENT', 'INSTRUCTOR', 'ADMIN')),
    password_hash  text,
    email_verified boolean     NOT NULL DEFAULT false,
    active         boolean     NOT NULL DEFAULT true,
    bio            text,
    timezone       text        NOT NULL DEFAULT 'UTC',
    locale         text        NOT NULL DEFAULT 'en',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_role_idx ON users (role);
