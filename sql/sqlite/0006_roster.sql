-- The roster: loaded or inferred, never zero (SQLite).
-- A value the roster file did not give is NULL ("unknown"), never a default that reads as a fact:
-- an agent's contract hours, a team's time zone, working hours and shrinkage. The readers carry the
-- distinction; computations that need an unknown value report "unknown" instead of using 0.
-- SQLite cannot drop NOT NULL or a default from a column, so both tables are rebuilt.

CREATE TABLE teams_0006 (
    name              TEXT NOT NULL PRIMARY KEY,
    manager_emails    TEXT NOT NULL DEFAULT '',
    time_zone         TEXT NULL,
    workday_start     TEXT NULL,
    workday_end       TEXT NULL,
    shrinkage         REAL NULL
);

INSERT INTO teams_0006 (name, manager_emails, time_zone, workday_start, workday_end, shrinkage)
SELECT name, manager_emails, time_zone, workday_start, workday_end, shrinkage FROM teams;

DROP TABLE teams;
ALTER TABLE teams_0006 RENAME TO teams;

CREATE TABLE agents_0006 (
    name                  TEXT NOT NULL PRIMARY KEY,
    team                  TEXT NOT NULL,
    contract_hours        REAL NULL,
    manager_email         TEXT NULL,
    recognition_opt_out   INTEGER NOT NULL DEFAULT 0,
    start_date            TEXT NULL,
    end_date              TEXT NULL
);

INSERT INTO agents_0006 (name, team, contract_hours, manager_email, recognition_opt_out, start_date)
SELECT name, team, contract_hours, manager_email, recognition_opt_out, start_date FROM agents;

DROP TABLE agents;
ALTER TABLE agents_0006 RENAME TO agents;

-- Planned leave: hours off per week from one day to another (both included); NULL hours: the whole contract.
CREATE TABLE IF NOT EXISTS leave (
    agent             TEXT NOT NULL,
    from_date         TEXT NOT NULL,
    to_date           TEXT NOT NULL,
    hours_per_week    REAL NULL,
    PRIMARY KEY (agent, from_date)
);
