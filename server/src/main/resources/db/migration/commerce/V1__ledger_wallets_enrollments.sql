-- Commerce: one double-entry ledger for every movement of money, and what the money buys.
--
-- Every transaction is a set of entries whose amounts sum to zero (checked at commit by a deferred trigger).
-- An account's balance is the sum of its entries; accounts that must never go negative (wallets, instructor
-- earnings) also keep it in accounts.balance, updated in the same transaction under a CHECK, so no concurrency can
-- overdraw them. Entries and transactions are append-only: corrections are new transactions.

CREATE TABLE accounts (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('WALLET', 'VOUCHER_FLOAT', 'GATEWAY_CLEARING', 'PLATFORM_REVENUE',
                                                    'TAX_PAYABLE', 'INSTRUCTOR_PENDING', 'INSTRUCTOR_AVAILABLE',
                                                    'INSTRUCTOR_PAYOUT_HOLD', 'PAYOUTS_SETTLED')),
    owner_id   uuid,
    currency   text        NOT NULL,
    balance    bigint      NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_one_per_owner UNIQUE NULLS NOT DISTINCT (kind, owner_id),
    CONSTRAINT accounts_no_overdraft CHECK (kind NOT IN ('WALLET', 'INSTRUCTOR_PENDING', 'INSTRUCTOR_AVAILABLE',
                                                         'INSTRUCTOR_PAYOUT_HOLD') OR balance >= 0)
);

CREATE TABLE transactions (
    id         uuid PRIMARY KEY,
    kind       text        NOT NULL,
    reference  text,
    actor_id   uuid,
    memo       text        NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL
);
CREATE INDEX transactions_reference_idx ON transactions (reference);

CREATE TABLE entries (
    id             bigserial PRIMARY KEY,
    transaction_id uuid        NOT NULL REFERENCES transactions (id),
    account_id     uuid        NOT NULL REFERENCES accounts (id),
    amount         bigint      NOT NULL CHECK (amount <> 0),
    created_at     timestamptz NOT NULL
);
CREATE INDEX entries_account_idx ON entries (account_id, id DESC);
CREATE INDEX entries_transaction_idx ON entries (transaction_id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'commerce.% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER transactions_append_only BEFORE UPDATE OR DELETE ON transactions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
BEGIN
    SELECT sum(amount) INTO total FROM commerce.entries WHERE transaction_id = NEW.transaction_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance (%)', NEW.transaction_id, total;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER entries_balanced AFTER INSERT ON entries DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_balanced();

-- Retried writes (Idempotency-Key): the first request's answer, replayed to every retry with the same key.
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

CREATE TABLE voucher_batches (
    id           uuid PRIMARY KEY,
    count        integer     NOT NULL CHECK (count > 0),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     text        NOT NULL,
    expires_at   timestamptz,
    note         text        NOT NULL DEFAULT '',
    created_by   uuid        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    revoked_by   uuid
);

-- Codes are bearer money: looked up by HMAC, kept encrypted (AES-GCM) only so admins can export them again.
CREATE TABLE vouchers (
    id             uuid PRIMARY KEY,
    batch_id       uuid        NOT NULL REFERENCES voucher_batches (id),
    position       integer     NOT NULL,
    code_hmac      text        NOT NULL UNIQUE,
    code_encrypted bytea       NOT NULL,
    redeemed_by    uuid,
    redeemed_at    timestamptz,
    transaction_id uuid REFERENCES transactions (id),
    UNIQUE (batch_id, position)
);

CREATE TABLE coupons (
    id             uuid PRIMARY KEY,
    code           text        NOT NULL UNIQUE,
    kind           text        NOT NULL CHECK (kind IN ('PERCENT', 'FIXED')),
    value          bigint      NOT NULL CHECK (value > 0),
    course_id      uuid,
    created_by     uuid        NOT NULL,
    max_uses       integer CHECK (max_uses > 0),
    per_user_limit integer     NOT NULL DEFAULT 1 CHECK (per_user_limit > 0),
    used           integer     NOT NULL DEFAULT 0,
    expires_at     timestamptz,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    CHECK (kind <> 'PERCENT' OR value <= 100),
    CHECK (max_uses IS NULL OR used <= max_uses)
);

CREATE TABLE enrollments (
    id               uuid PRIMARY KEY,
    user_id          uuid        NOT NULL,
    course_id        uuid        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'REFUNDED', 'REVOKED')),
    source           text        NOT NULL CHECK (source IN ('FREE', 'PURCHASE', 'SUBSCRIPTION', 'ADMIN')),
    list_price_minor bigint      NOT NULL DEFAULT 0,
    discount_minor   bigint      NOT NULL DEFAULT 0,
    paid_minor       bigint      NOT NULL DEFAULT 0,
    tax_minor        bigint      NOT NULL DEFAULT 0,
    currency         text        NOT NULL,
    coupon_id        uuid REFERENCES coupons (id),
    transaction_id   uuid REFERENCES transactions (id),
    instructor_id    uuid,
    course_title     text        NOT NULL,
    created_at       timestamptz NOT NULL,
    refundable_until timestamptz,
    ended_at         timestamptz
);
CREATE UNIQUE INDEX enrollments_one_active ON enrollments (user_id, course_id) WHERE status = 'ACTIVE';
CREATE INDEX enrollments_user_idx ON enrollments (user_id, created_at DESC);
CREATE INDEX enrollments_course_idx ON enrollments (course_id) WHERE status = 'ACTIVE';

CREATE TABLE coupon_uses (
    coupon_id     uuid        NOT NULL REFERENCES coupons (id),
    user_id       uuid        NOT NULL,
    enrollment_id uuid        NOT NULL REFERENCES enrollments (id),
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (coupon_id, enrollment_id)
);
CREATE INDEX coupon_uses_user_idx ON coupon_uses (coupon_id, user_id);

-- Revenue share overrides: a course's beats its instructor's beats the configured default.
CREATE TABLE revenue_shares (
    scope              text    NOT NULL CHECK (scope IN ('INSTRUCTOR', 'COURSE')),
    subject_id         uuid    NOT NULL,
    instructor_percent integer NOT NULL CHECK (instructor_percent BETWEEN 0 AND 100),
    updated_by         uuid    NOT NULL,
    updated_at         timestamptz NOT NULL,
    PRIMARY KEY (scope, subject_id)
);

-- An instructor's share of each sale: pending until the refund window passed, then available (or reversed).
CREATE TABLE earnings (
    id            uuid PRIMARY KEY,
    enrollment_id uuid        NOT NULL UNIQUE REFERENCES enrollments (id),
    instructor_id uuid        NOT NULL,
    course_id     uuid        NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor >= 0),
    status        text        NOT NULL CHECK (status IN ('PENDING', 'AVAILABLE', 'REVERSED')),
    available_at  timestamptz NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX earnings_due_idx ON earnings (available_at) WHERE status = 'PENDING';
CREATE INDEX earnings_instructor_idx ON earnings (instructor_id, created_at);

CREATE TABLE payout_accounts (
    instructor_id     uuid PRIMARY KEY,
    details_encrypted bytea       NOT NULL,
    masked            text        NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE payouts (
    id             uuid PRIMARY KEY,
    instructor_id  uuid        NOT NULL,
    amount_minor   bigint      NOT NULL CHECK (amount_minor > 0),
    currency       text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PAID')),
    account_masked text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    decided_at     timestamptz,
    decided_by     uuid,
    paid_at        timestamptz,
    reference      text,
    note           text
);
CREATE INDEX payouts_instructor_idx ON payouts (instructor_id, requested_at DESC);
CREATE INDEX payouts_open_idx ON payouts (requested_at) WHERE status IN ('REQUESTED', 'APPROVED');

-- Invoices are numbered without gaps per year: the counter row is locked in the purchase transaction.
CREATE TABLE invoice_counters (
    year integer PRIMARY KEY,
    last integer NOT NULL
);
CREATE TABLE invoices (
    id             uuid PRIMARY KEY,
    number         text        NOT NULL UNIQUE,
    user_id        uuid        NOT NULL,
    kind           text        NOT NULL,
    subject_id     uuid        NOT NULL,
    description    text        NOT NULL,
    total_minor    bigint      NOT NULL,
    tax_minor      bigint      NOT NULL,
    tax_rate_bp    integer     NOT NULL,
    tax_name       text        NOT NULL,
    currency       text        NOT NULL,
    buyer_name     text        NOT NULL,
    buyer_email    text        NOT NULL,
    seller         text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    UNIQUE (kind, subject_id)
);
CREATE INDEX invoices_user_idx ON invoices (user_id, issued_at DESC);

-- Card/UPI top-ups through a payment provider, and the provider's webhook events (each applied once).
CREATE TABLE payments (
    id           uuid PRIMARY KEY,
    provider     text        NOT NULL,
    provider_ref text,
    user_id      uuid        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('CREATED', 'PAID', 'FAILED')),
    created_at   timestamptz NOT NULL,
    paid_at      timestamptz,
    transaction_id uuid REFERENCES transactions (id),
    UNIQUE (provider, provider_ref)
);
CREATE INDEX payments_user_idx ON payments (user_id, created_at DESC);

CREATE TABLE webhook_events (
    provider    text        NOT NULL,
    event_id    text        NOT NULL,
    event_type  text        NOT NULL,
    payment_ref text,
    received_at timestamptz NOT NULL,
    outcome     text        NOT NULL DEFAULT 'RECEIVED',
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE subscription_plans (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    period       text        NOT NULL CHECK (period IN ('MONTHLY', 'ANNUAL')),
    price_minor  bigint      NOT NULL CHECK (price_minor > 0),
    currency     text        NOT NULL,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL
);

CREATE TABLE subscriptions (
    id                   uuid PRIMARY KEY,
    user_id              uuid        NOT NULL,
    plan_id              uuid        NOT NULL REFERENCES subscription_plans (id),
    status               text        NOT NULL CHECK (status IN ('ACTIVE', 'PAST_DUE', 'LAPSED', 'CANCELLED')),
    current_period_end   timestamptz NOT NULL,
    grace_until          timestamptz,
    cancel_at_period_end boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX subscriptions_one_live ON subscriptions (user_id) WHERE status IN ('ACTIVE', 'PAST_DUE');
CREATE INDEX subscriptions_due_idx ON subscriptions (current_period_end) WHERE status IN ('ACTIVE', 'PAST_DUE');
