-- Stored answers of retried requests (the platform's idempotency service); they were commerce's until any module
-- could take an Idempotency-Key. commerce/V8 moves the rows here.
CREATE TABLE idempotency_keys (
    user_id      uuid        NOT NULL,
    key          text        NOT NULL,
    operation    text        NOT NULL,
    fingerprint  text        NOT NULL,
    status       integer,
    response     jsonb,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);
