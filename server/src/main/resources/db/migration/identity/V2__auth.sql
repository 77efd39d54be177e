-- Sign-in: profile extras, email codes, sessions with rotating refresh tokens, signing keys, 2FA, OIDC links.
ALTER TABLE users
    ADD COLUMN avatar_media_id uuid,
    ADD COLUMN totp_secret     bytea,
    ADD COLUMN totp_enabled    boolean     NOT NULL DEFAULT false,
    ADD COLUMN totp_last_step  bigint      NOT NULL DEFAULT 0,
    ADD COLUMN last_login_at   timestamptz,
    ADD COLUMN deleted_at      timestamptz;

-- One live code per user and purpose; stored as a keyed hash, never in clear.
CREATE TABLE email_codes (
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'LOGIN', 'RESET', 'INVITE')),
    code_hash  text        NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts   int         NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, purpose)
);

-- A session is one sign-in on one device: the family of its refresh tokens.
CREATE TABLE sessions (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method        text        NOT NULL,
    mfa           boolean     NOT NULL DEFAULT false,
    ip            text,
    user_agent    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoke_reason text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- JWT signing keys (ES256). The private half is encrypted with the server's secret key.
CREATE TABLE signing_keys (
    kid           text PRIMARY KEY,
    public_jwk    text        NOT NULL,
    private_jwk   bytea       NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sign_until    timestamptz NOT NULL,
    publish_until timestamptz NOT NULL
);

CREATE TABLE recovery_codes (
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash text        NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE oidc_links (
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);
CREATE INDEX oidc_links_user_idx ON oidc_links (user_id);
