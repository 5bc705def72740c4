-- Canonical ticket store (SQL Server). Instants are datetimeoffset(0) at offset +00:00.
IF OBJECT_ID(N'dbo.teams', N'U') IS NULL
CREATE TABLE dbo.teams (
    name              NVARCHAR(200) NOT NULL PRIMARY KEY,
    manager_emails    NVARCHAR(MAX) NOT NULL DEFAULT N'',
    time_zone         NVARCHAR(100) NOT NULL DEFAULT N'Europe/Amsterdam',
    workday_start     NVARCHAR(5) NOT NULL DEFAULT '08:00',
    workday_end       NVARCHAR(5) NOT NULL DEFAULT '17:30',
    shrinkage         DECIMAL(8,2) NOT NULL DEFAULT 0.30
);

IF OBJECT_ID(N'dbo.agents', N'U') IS NULL
CREATE TABLE dbo.agents (
    name                  NVARCHAR(200) NOT NULL PRIMARY KEY,
    team                  NVARCHAR(200) NOT NULL,
    contract_hours        DECIMAL(8,2) NOT NULL DEFAULT 40,
    manager_email         NVARCHAR(200) NULL,
    recognition_opt_out   BIT NOT NULL DEFAULT 0,
    start_date            DATE NULL
);

IF OBJECT_ID(N'dbo.tickets', N'U') IS NULL
CREATE TABLE dbo.tickets (
    source               NVARCHAR(200) NOT NULL,
    ticket_id            NVARCHAR(200) NOT NULL,
    kind                 NVARCHAR(40) NOT NULL,
    title                NVARCHAR(MAX) NULL,
    category             NVARCHAR(200) NULL,
    subcategory          NVARCHAR(200) NULL,
    priority             NVARCHAR(200) NULL,
    channel              NVARCHAR(40) NULL,
    team                 NVARCHAR(200) NULL,
    assignee             NVARCHAR(200) NULL,
    resolved_by          NVARCHAR(200) NULL,
    opened_at            DATETIMEOFFSET(0) NOT NULL,
    first_response_at    DATETIMEOFFSET(0) NULL,
    resolved_at          DATETIMEOFFSET(0) NULL,
    closed_at            DATETIMEOFFSET(0) NULL,
    due_at               DATETIMEOFFSET(0) NULL,
    sla_breached         BIT NULL,
    reopen_count         INTEGER NOT NULL DEFAULT 0,
    reassignment_count   INTEGER NOT NULL DEFAULT 0,
    proactive            BIT NOT NULL DEFAULT 0,
    time_spent_minutes   INTEGER NULL,
    problem_id           NVARCHAR(200) NULL,
    caused_by_change     NVARCHAR(200) NULL,
    updated_at           DATETIMEOFFSET(0) NOT NULL,
    -- Bookkeeping for idempotent imports: content hash, and the file and line last written from.
    row_hash             BIGINT NOT NULL,
    import_fingerprint   NVARCHAR(MAX) NULL,
    import_line          BIGINT NULL,
    PRIMARY KEY (source, ticket_id)
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_tickets_team_opened')
    CREATE INDEX ix_tickets_team_opened ON dbo.tickets (team, opened_at);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_tickets_resolved')
    CREATE INDEX ix_tickets_resolved ON dbo.tickets (resolved_at);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_tickets_updated')
    CREATE INDEX ix_tickets_updated ON dbo.tickets (updated_at);

IF OBJECT_ID(N'dbo.ticket_events', N'U') IS NULL
CREATE TABLE dbo.ticket_events (
    source        NVARCHAR(200) NOT NULL,
    ticket_id     NVARCHAR(200) NOT NULL,
    occurred_at   DATETIMEOFFSET(0) NOT NULL,
    kind          NVARCHAR(40) NOT NULL,
    from_value    NVARCHAR(MAX) NULL,
    to_value      NVARCHAR(MAX) NULL,
    actor         NVARCHAR(MAX) NULL,
    PRIMARY KEY (source, ticket_id, occurred_at, kind)
);

IF OBJECT_ID(N'dbo.time_entries', N'U') IS NULL
CREATE TABLE dbo.time_entries (
    source       NVARCHAR(200) NOT NULL,
    entry_id     NVARCHAR(200) NOT NULL,
    agent        NVARCHAR(200) NOT NULL,
    work_date    DATE NOT NULL,
    minutes      INTEGER NOT NULL,
    activity     NVARCHAR(200) NULL,
    ticket_id    NVARCHAR(200) NULL,
    PRIMARY KEY (source, entry_id)
);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = N'ix_time_entries_agent_date')
    CREATE INDEX ix_time_entries_agent_date ON dbo.time_entries (agent, work_date);

IF OBJECT_ID(N'dbo.feedback', N'U') IS NULL
CREATE TABLE dbo.feedback (
    source       NVARCHAR(200) NOT NULL,
    ticket_id    NVARCHAR(200) NOT NULL,
    given_at     DATETIMEOFFSET(0) NOT NULL,
    score        INTEGER NOT NULL,
    comment      NVARCHAR(MAX) NULL,
    PRIMARY KEY (source, ticket_id, given_at)
);

IF OBJECT_ID(N'dbo.knowledge_articles', N'U') IS NULL
CREATE TABLE dbo.knowledge_articles (
    source       NVARCHAR(200) NOT NULL,
    article_id   NVARCHAR(200) NOT NULL,
    title        NVARCHAR(MAX) NOT NULL,
    author       NVARCHAR(200) NULL,
    team         NVARCHAR(200) NULL,
    created_at   DATETIMEOFFSET(0) NOT NULL,
    times_used   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, article_id)
);

IF OBJECT_ID(N'dbo.import_runs', N'U') IS NULL
CREATE TABLE dbo.import_runs (
    id                  BIGINT IDENTITY(1,1) PRIMARY KEY,
    file_name           NVARCHAR(400) NOT NULL,
    file_fingerprint    NVARCHAR(64) NOT NULL,
    profile             NVARCHAR(200) NOT NULL,
    started_at          DATETIMEOFFSET(0) NOT NULL,
    finished_at         DATETIMEOFFSET(0) NULL,
    rows_read           INTEGER NOT NULL DEFAULT 0,
    inserted            INTEGER NOT NULL DEFAULT 0,
    updated             INTEGER NOT NULL DEFAULT 0,
    unchanged           INTEGER NOT NULL DEFAULT 0,
    quarantined         INTEGER NOT NULL DEFAULT 0
);

-- Rows that could not be read. Keyed by file content and line so a rerun does not duplicate them.
IF OBJECT_ID(N'dbo.quarantine', N'U') IS NULL
CREATE TABLE dbo.quarantine (
    file_fingerprint    NVARCHAR(64) NOT NULL,
    line                INTEGER NOT NULL,
    field               NVARCHAR(200) NOT NULL,
    file_name           NVARCHAR(400) NOT NULL,
    raw_value           NVARCHAR(MAX) NULL,
    reason              NVARCHAR(MAX) NOT NULL,
    quarantined_at      DATETIMEOFFSET(0) NOT NULL,
    PRIMARY KEY (file_fingerprint, line, field)
);
