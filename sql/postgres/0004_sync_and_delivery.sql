-- Sync watermarks, job runs, the mail outbox and the delivery log (PostgreSQL).

-- One row per ticketing database the worker syncs from. The watermark is the largest updated_at
-- already committed to the store; it only moves after the batch that reached it has committed.
CREATE TABLE IF NOT EXISTS sync_state (
    source              TEXT NOT NULL PRIMARY KEY,
    watermark           TIMESTAMPTZ NULL,
    last_started_at     TIMESTAMPTZ NULL,
    last_success_at     TIMESTAMPTZ NULL,
    last_failure_at     TIMESTAMPTZ NULL,
    last_error          TEXT NULL,
    rows_synced         BIGINT NOT NULL DEFAULT 0
);

-- Every execution of a scheduled job, written by the worker that ran it (cluster node included).
CREATE TABLE IF NOT EXISTS job_runs (
    fire_instance_id    TEXT NOT NULL PRIMARY KEY,
    job                 TEXT NOT NULL,
    scheduled_fire_at   TIMESTAMPTZ NULL,
    instance_id         TEXT NOT NULL,
    recovering          BOOLEAN NOT NULL DEFAULT FALSE,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ NULL,
    outcome             TEXT NULL,
    detail              TEXT NULL
);

CREATE INDEX IF NOT EXISTS ix_job_runs_job_started ON job_runs (job, started_at);

-- One row per report, period, scope and recipient: the key that makes a mail go out once.
-- mime is the whole message as sent (Message-ID included), so a retry sends the same bytes.
CREATE TABLE IF NOT EXISTS outbox (
    report_kind         TEXT NOT NULL,
    period              TEXT NOT NULL,
    scope               TEXT NOT NULL,
    recipient           TEXT NOT NULL,
    message_id          TEXT NOT NULL,
    subject             TEXT NOT NULL,
    mime                BYTEA NOT NULL,
    status              TEXT NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    enqueued_at         TIMESTAMPTZ NOT NULL,
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    sending_at          TIMESTAMPTZ NULL,
    sent_at             TIMESTAMPTZ NULL,
    last_error          TEXT NULL,
    PRIMARY KEY (report_kind, period, scope, recipient)
);

CREATE INDEX IF NOT EXISTS ix_outbox_status_due ON outbox (status, next_attempt_at);

-- What was delivered (or tried), to whom, when and with what result.
CREATE TABLE IF NOT EXISTS delivery_log (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_kind         TEXT NOT NULL,
    period              TEXT NOT NULL,
    scope               TEXT NOT NULL,
    recipient           TEXT NOT NULL,
    message_id          TEXT NOT NULL,
    attempt             INTEGER NOT NULL,
    logged_at           TIMESTAMPTZ NOT NULL,
    result              TEXT NOT NULL,
    detail              TEXT NULL
);
