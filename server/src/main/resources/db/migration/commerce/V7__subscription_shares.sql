-- Subscription revenue reaches instructors (ADR 0021): each paid period's revenue without tax is shared, once the
-- period is over, among the courses the subscriber studied in it, by study time; each course's part by its revenue
-- share. What a period paid and when it was shared:
CREATE TABLE subscription_periods (
    id              uuid PRIMARY KEY,
    subscription_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    net_minor       bigint      NOT NULL CHECK (net_minor >= 0),
    currency        text        NOT NULL,
    shared_at       timestamptz,
    transaction_id  uuid REFERENCES transactions (id)
);
CREATE INDEX subscription_periods_due_idx ON subscription_periods (ends_at) WHERE shared_at IS NULL;
CREATE INDEX subscription_periods_user_idx ON subscription_periods (user_id, starts_at);

-- ... and what each course and its instructor got of it.
CREATE TABLE subscription_shares (
    period_id     uuid   NOT NULL REFERENCES subscription_periods (id),
    course_id     uuid   NOT NULL,
    instructor_id uuid   NOT NULL,
    seconds       bigint NOT NULL,
    course_minor  bigint NOT NULL,
    amount_minor  bigint NOT NULL,
    PRIMARY KEY (period_id, course_id)
);
CREATE INDEX subscription_shares_instructor_idx ON subscription_shares (instructor_id);
