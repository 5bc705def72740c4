-- Sync watermarks, job runs, the mail outbox and the delivery log (SQL Server).

-- One row per ticketing database the worker syncs from. The watermark is the largest updated_at
-- already committed to the store; it only moves after the batch that reached it has committed.
IF OBJECT_ID(N'dbo.sync_state', N'U') IS NULL
CREATE TABLE dbo.sync_state (
    source              NVARCHAR(200) NOT NULL PRIMARY KEY,
    watermark           DATETIMEOFFSET(0) NULL,
    last_started_at     DATETIMEOFFSET(0) NULL,
    last_success_at     DATETIMEOFFSET(0) NULL,
    last_failure_at     DATETIMEOFFSET(0) NULL,
    last_error          NVARCHAR(MAX) NULL,
    rows_synced         BIGINT NOT NULL DEFAULT 0
);

-- Every execution of a scheduled job, written by the worker that ran it (cluster node included).
IF OBJECT_ID(N'dbo.job_runs', N'U') IS NULL
CREATE TABLE dbo.job_runs (
    fire_instance_id    NVARCHAR(200) NOT NULL PRIMARY KEY,
    job                 NVARCHAR(200) NOT NULL,
    scheduled_fire_at   DATETIMEOFFSET(0) NULL,
    instance_id         NVARCHAR(200) NOT NULL,
    recovering          BIT NOT NULL DEFAULT 0,
    started_at          DATETIMEOFFSET(0) NOT NULL,
    finished_at         DATETIMEOFFSET(0) NULL,
    outcome             NVARCHAR(40) NULL,
    detail              NVARCHAR(MAX) NULL
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_job_runs_job_started')
    CREATE INDEX ix_job_runs_job_started ON dbo.job_runs (job, started_at);

-- One row per report, period, scope and recipient: the key that makes a mail go out once.
-- mime is the whole message as sent (Message-ID included), so a retry sends the same bytes.
IF OBJECT_ID(N'dbo.outbox', N'U') IS NULL
CREATE TABLE dbo.outbox (
    report_kind         NVARCHAR(100) NOT NULL,
    period              NVARCHAR(100) NOT NULL,
    scope               NVARCHAR(200) NOT NULL,
    recipient           NVARCHAR(320) NOT NULL,
    message_id          NVARCHAR(400) NOT NULL,
    subject             NVARCHAR(MAX) NOT NULL,
    mime                VARBINARY(MAX) NOT NULL,
    status              NVARCHAR(20) NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    enqueued_at         DATETIMEOFFSET(0) NOT NULL,
    next_attempt_at     DATETIMEOFFSET(0) NOT NULL,
    sending_at          DATETIMEOFFSET(0) NULL,
    sent_at             DATETIMEOFFSET(0) NULL,
    last_error          NVARCHAR(MAX) NULL,
    PRIMARY KEY (report_kind, period, scope, recipient)
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_outbox_status_due')
    CREATE INDEX ix_outbox_status_due ON dbo.outbox (status, next_attempt_at);

-- What was delivered (or tried), to whom, when and with what result.
IF OBJECT_ID(N'dbo.delivery_log', N'U') IS NULL
CREATE TABLE dbo.delivery_log (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    report_kind         NVARCHAR(100) NOT NULL,
    period              NVARCHAR(100) NOT NULL,
    scope               NVARCHAR(200) NOT NULL,
    recipient           NVARCHAR(320) NOT NULL,
    message_id          NVARCHAR(400) NOT NULL,
    attempt             INTEGER NOT NULL,
    logged_at           DATETIMEOFFSET(0) NOT NULL,
    result              NVARCHAR(40) NOT NULL,
    detail              NVARCHAR(MAX) NULL
);
