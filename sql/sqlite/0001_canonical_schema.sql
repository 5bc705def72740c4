-- Canonical ticket store (SQLite). Instants are UTC ISO-8601 text ('2026-11-16T08:00:00Z'),
-- which sorts correctly and is understood by SQLite's date functions.
CREATE TABLE IF NOT EXISTS teams (
    name              TEXT NOT NULL PRIMARY KEY,
    manager_emails    TEXT NOT NULL DEFAULT '',
    time_zone         TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    workday_start     TEXT NOT NULL DEFAULT '08:00',
    workday_end       TEXT NOT NULL DEFAULT '17:30',
    shrinkage         REAL NOT NULL DEFAULT 0.30
);

CREATE TABLE IF NOT EXISTS agents (
    name                  TEXT NOT NULL PRIMARY KEY,
    team                  TEXT NOT NULL,
    contract_hours        REAL NOT NULL DEFAULT 40,
    manager_email         TEXT NULL,
    recognition_opt_out   INTEGER NOT NULL DEFAULT 0,
    start_date            TEXT NULL
);

CREATE TABLE IF NOT EXISTS tickets (
    source               TEXT NOT NULL,
    ticket_id            TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    title                TEXT NULL,
    category             TEXT NULL,
    subcategory          TEXT NULL,
    priority             TEXT NULL,
    channel              TEXT NULL,
    team                 TEXT NULL,
    assignee             TEXT NULL,
    resolved_by          TEXT NULL,
    opened_at            TEXT NOT NULL,
    first_response_at    TEXT NULL,
    resolved_at          TEXT NULL,
    closed_at            TEXT NULL,
    due_at               TEXT NULL,
    sla_breached         INTEGER NULL,
    reopen_count         INTEGER NOT NULL DEFAULT 0,
    reassignment_count   INTEGER NOT NULL DEFAULT 0,
    proactive            INTEGER NOT NULL DEFAULT 0,
    time_spent_minutes   INTEGER NULL,
    problem_id           TEXT NULL,
    caused_by_change     TEXT NULL,
    updated_at           TEXT NOT NULL,
    -- Bookkeeping for idempotent imports: content hash, and the file and line last written from.
    row_hash             INTEGER NOT NULL,
    import_fingerprint   TEXT NULL,
    import_line          INTEGER NULL,
    PRIMARY KEY (source, ticket_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_tickets_team_opened ON tickets (team, opened_at);
CREATE INDEX IF NOT EXISTS ix_tickets_resolved ON tickets (resolved_at);
CREATE INDEX IF NOT EXISTS ix_tickets_updated ON tickets (updated_at);

CREATE TABLE IF NOT EXISTS ticket_events (
    source        TEXT NOT NULL,
    ticket_id     TEXT NOT NULL,
    occurred_at   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    from_value    TEXT NULL,
    to_value      TEXT NULL,
    actor         TEXT NULL,
    PRIMARY KEY (source, ticket_id, occurred_at, kind)
);

CREATE TABLE IF NOT EXISTS time_entries (
    source       TEXT NOT NULL,
    entry_id     TEXT NOT NULL,
    agent        TEXT NOT NULL,
    work_date    TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    activity     TEXT NULL,
    ticket_id    TEXT NULL,
    PRIMARY KEY (source, entry_id)
);

CREATE INDEX IF NOT EXISTS ix_time_entries_agent_date ON time_entries (agent, work_date);

CREATE TABLE IF NOT EXISTS feedback (
    source       TEXT NOT NULL,
    ticket_id    TEXT NOT NULL,
    given_at     TEXT NOT NULL,
    score        INTEGER NOT NULL,
    comment      TEXT NULL,
    PRIMARY KEY (source, ticket_id, given_at)
);

CREATE TABLE IF NOT EXISTS knowledge_articles (
    source       TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    title        TEXT NOT NULL,
    author       TEXT NULL,
    team         TEXT NULL,
    created_at   TEXT NOT NULL,
    times_used   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, article_id)
);

CREATE TABLE IF NOT EXISTS import_runs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name           TEXT NOT NULL,
    file_fingerprint    TEXT NOT NULL,
    profile             TEXT NOT NULL,
    started_at          TEXT NOT NULL,
    finished_at         TEXT NULL,
    rows_read           INTEGER NOT NULL DEFAULT 0,
    inserted            INTEGER NOT NULL DEFAULT 0,
    updated             INTEGER NOT NULL DEFAULT 0,
    unchanged           INTEGER NOT NULL DEFAULT 0,
    quarantined         INTEGER NOT NULL DEFAULT 0
);

-- Rows that could not be read. Keyed by file content and line so a rerun does not duplicate them.
CREATE TABLE IF NOT EXISTS quarantine (
    file_fingerprint    TEXT NOT NULL,
    line                INTEGER NOT NULL,
    field               TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    raw_value           TEXT NULL,
    reason              TEXT NOT NULL,
    quarantined_at      TEXT NOT NULL,
    PRIMARY KEY (file_fingerprint, line, field)
);
