-- The roster: loaded or inferred, never zero (SQL Server).
-- A value the roster file did not give is NULL ("unknown"), never a default that reads as a fact:
-- an agent's contract hours, a team's time zone, working hours and shrinkage. 0001 created the
-- defaults without names, so they are looked up and dropped before the columns become nullable.

DECLARE @drop NVARCHAR(MAX) = N'';
SELECT @drop = @drop + N'ALTER TABLE dbo.' + QUOTENAME(t.name) + N' DROP CONSTRAINT ' + QUOTENAME(d.name) + N';'
FROM sys.default_constraints AS d
JOIN sys.tables AS t ON t.object_id = d.parent_object_id
JOIN sys.columns AS c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
WHERE (t.name = N'teams' AND c.name IN (N'time_zone', N'workday_start', N'workday_end', N'shrinkage'))
   OR (t.name = N'agents' AND c.name = N'contract_hours');
EXEC sys.sp_executesql @drop;

ALTER TABLE dbo.teams ALTER COLUMN time_zone NVARCHAR(100) NULL;
ALTER TABLE dbo.teams ALTER COLUMN workday_start NVARCHAR(5) NULL;
ALTER TABLE dbo.teams ALTER COLUMN workday_end NVARCHAR(5) NULL;
ALTER TABLE dbo.teams ALTER COLUMN shrinkage DECIMAL(8,2) NULL;
ALTER TABLE dbo.agents ALTER COLUMN contract_hours DECIMAL(8,2) NULL;

IF COL_LENGTH(N'dbo.agents', N'end_date') IS NULL
ALTER TABLE dbo.agents ADD end_date DATE NULL;

-- Planned leave: hours off per week from one day to another (both included); NULL hours: the whole contract.
IF OBJECT_ID(N'dbo.leave', N'U') IS NULL
CREATE TABLE dbo.leave (
    agent             NVARCHAR(200) NOT NULL,
    from_date         DATE NOT NULL,
    to_date           DATE NOT NULL,
    hours_per_week    DECIMAL(8,2) NULL,
    PRIMARY KEY (agent, from_date)
);
