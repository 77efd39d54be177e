-- Mails captured when no SMTP server is configured (embedded default). One row per outbox delivery.
CREATE TABLE dev_mailbox (
    id         uuid PRIMARY KEY,
    to_address text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dev_mailbox_to_idx ON dev_mailbox (lower(to_address), created_at DESC);
