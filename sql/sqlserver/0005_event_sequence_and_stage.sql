-- Events keep a sequence so that two events of the same ticket, time and kind both stay
-- (an audit trail with minute precision has many such pairs). The old key was created unnamed.
-- The new column is only visible to statements compiled after it exists, hence dynamic SQL.
IF COL_LENGTH(N'dbo.ticket_events', N'seq') IS NULL
    ALTER TABLE dbo.ticket_events ADD seq INT NOT NULL CONSTRAINT df_ticket_events_seq DEFAULT 0;

IF NOT EXISTS (
    SELECT 1 FROM sys.key_constraints
    WHERE parent_object_id = OBJECT_ID(N'dbo.ticket_events') AND type = 'PK' AND name = N'pk_ticket_events')
BEGIN
    DECLARE @pk SYSNAME = (
        SELECT name FROM sys.key_constraints
        WHERE parent_object_id = OBJECT_ID(N'dbo.ticket_events') AND type = 'PK');
    DECLARE @drop NVARCHAR(400) = N'ALTER TABLE dbo.ticket_events DROP CONSTRAINT ' + QUOTENAME(@pk);
    IF @pk IS NOT NULL
        EXEC sp_executesql @drop;
    EXEC sp_executesql N'ALTER TABLE dbo.ticket_events ADD CONSTRAINT pk_ticket_events PRIMARY KEY (source, ticket_id, occurred_at, kind, seq)';
END;

-- The rows of an event-log import, staged so that a case's events can be folded in time order
-- whatever order the file has them in, with memory bounded by one case. No key: rows are appended
-- as they come and sorted once when read back, which is cheaper than keeping a B-tree in order.
IF OBJECT_ID(N'dbo.event_stage', N'U') IS NULL
CREATE TABLE dbo.event_stage (
    run_id        BIGINT NOT NULL,
    case_id       NVARCHAR(200) NOT NULL,
    occurred_at   DATETIMEOFFSET(0) NOT NULL,
    line          BIGINT NOT NULL,
    activity      NVARCHAR(400) NULL,
    team          NVARCHAR(200) NULL,
    assignee      NVARCHAR(200) NULL,
    case_values   NVARCHAR(MAX) NULL
);
