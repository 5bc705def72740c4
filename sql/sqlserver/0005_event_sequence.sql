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
