-- The roster: loaded or inferred, never zero (PostgreSQL).
-- A value the roster file did not give is NULL ("unknown"), never a default that reads as a fact:
-- an agent's contract hours, a team's time zone, working hours and shrinkage.

ALTER TABLE teams ALTER COLUMN time_zone DROP NOT NULL;
ALTER TABLE teams ALTER COLUMN time_zone DROP DEFAULT;
ALTER TABLE teams ALTER COLUMN workday_start DROP NOT NULL;
ALTER TABLE teams ALTER COLUMN workday_start DROP DEFAULT;
ALTER TABLE teams ALTER COLUMN workday_end DROP NOT NULL;
ALTER TABLE teams ALTER COLUMN workday_end DROP DEFAULT;
ALTER TABLE teams ALTER COLUMN shrinkage DROP NOT NULL;
ALTER TABLE teams ALTER COLUMN shrinkage DROP DEFAULT;

ALTER TABLE agents ALTER COLUMN contract_hours DROP NOT NULL;
ALTER TABLE agents ALTER COLUMN contract_hours DROP DEFAULT;
ALTER TABLE agents ADD COLUMN IF NOT EXISTS end_date DATE NULL;

-- Planned leave: hours off per week from one day to another (both included); NULL hours: the whole contract.
CREATE TABLE IF NOT EXISTS leave (
    agent             TEXT NOT NULL,
    from_date         DATE NOT NULL,
    to_date           DATE NOT NULL,
    hours_per_week    NUMERIC(8,2) NULL,
    PRIMARY KEY (agent, from_date)
);
