-- Platform plumbing shared by all modules: the event outbox and the job scheduler's tables.

CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    event_type    text        NOT NULL,
    listener      text        NOT NULL,
    payload       jsonb       NOT NULL,
    status        text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'DEAD')),
    attempts      integer     NOT NULL DEFAULT 0,
    available_at  timestamptz NOT NULL DEFAULT now(),
    leased_by     text,
    lease_until   timestamptz,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    delivered_at  timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE status = 'PENDING';

-- db-scheduler's table (https://github.com/kagkarlsson/db-scheduler, PostgreSQL DDL for v16)
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- What happened to each job run, kept after db-scheduler deletes a finished one-time task.
CREATE TABLE job_log (
    task_name     text        NOT NULL,
    task_instance text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'RETRYING', 'DEAD')),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_name, task_instance)
);
