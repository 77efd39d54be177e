-- Certificates: issued when a course is completed, signed with Ed25519 so they verify offline too.

CREATE TABLE certificate_keys (
    id          uuid PRIMARY KEY,
    public_key  text        NOT NULL,  -- X.509 SubjectPublicKeyInfo, Base64
    private_key bytea       NOT NULL,  -- PKCS#8, encrypted with the server secret
    created_at  timestamptz NOT NULL
);

CREATE TABLE certificate_templates (
    course_id         uuid PRIMARY KEY,
    accent            text NOT NULL DEFAULT '#2f5da8' CHECK (accent ~ '^#[0-9a-fA-F]{6}$'),
    wording           text NOT NULL DEFAULT 'has successfully completed the course',
    signer_name       text,
    signer_title      text,
    logo_media_id     uuid,
    signature_media_id uuid,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE certificates (
    id             uuid PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    user_id        uuid        NOT NULL,
    course_id      uuid        NOT NULL,
    learner_name   text        NOT NULL,
    course_title   text        NOT NULL,
    instructors    text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    key_id         uuid        NOT NULL REFERENCES certificate_keys (id),
    signature      text        NOT NULL,  -- Base64url Ed25519 over the canonical text
    revoked_at     timestamptz,
    revoked_reason text,
    UNIQUE (user_id, course_id)
);
