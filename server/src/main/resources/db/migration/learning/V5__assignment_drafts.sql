-- Assignment drafts written offline: the latest by client time is kept until the learner submits.
CREATE TABLE assignment_drafts (
    user_id       uuid        NOT NULL,
    assignment_id uuid        NOT NULL REFERENCES assignments (id),
    body          text        NOT NULL,
    client_time   timestamptz NOT NULL,
    PRIMARY KEY (user_id, assignment_id)
);
