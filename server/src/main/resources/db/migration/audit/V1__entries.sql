-- The audit log. Append-only: the application never updates or deletes rows.
CREATE TABLE entries (
    id          uuid PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,
    action      text        NOT NULL,
    target_type text,
    target_id   text,
    ip          text,
    details     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX entries_at_idx ON entries (at DESC, id DESC);
CREATE INDEX entries_action_idx ON entries (action, at DESC);
CREATE INDEX entries_actor_idx ON entries (actor_id, at DESC);
CREATE INDEX entries_target_idx ON entries (target_id, at DESC);
