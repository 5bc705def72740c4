-- Runs a killed process left without an end (SQL Server).
-- An import run records its outcome ('succeeded', or 'interrupted' when the next start finds its process
-- gone), the process that owns it (host/pid/start) and when that process last said it was alive, so a run
-- on another machine is only called interrupted once its heartbeat has stopped. A rerun names the run it
-- replaces. A job run replaced by a recovery names nothing; the recovery names it.
IF COL_LENGTH(N'dbo.import_runs', N'outcome') IS NULL
ALTER TABLE dbo.import_runs ADD outcome NVARCHAR(20) NULL;
IF COL_LENGTH(N'dbo.import_runs', N'owner') IS NULL
ALTER TABLE dbo.import_runs ADD owner NVARCHAR(400) NULL;
IF COL_LENGTH(N'dbo.import_runs', N'heartbeat_at') IS NULL
ALTER TABLE dbo.import_runs ADD heartbeat_at DATETIMEOFFSET(0) NULL;
IF COL_LENGTH(N'dbo.import_runs', N'replaces_run_id') IS NULL
ALTER TABLE dbo.import_runs ADD replaces_run_id BIGINT NULL;

-- Compiled when it runs, after the column exists (a batch is compiled as a whole).
EXEC sys.sp_executesql N'UPDATE dbo.import_runs SET outcome = N''succeeded'' WHERE finished_at IS NOT NULL AND outcome IS NULL;';

IF COL_LENGTH(N'dbo.job_runs', N'replaces_fire_instance_id') IS NULL
ALTER TABLE dbo.job_runs ADD replaces_fire_instance_id NVARCHAR(200) NULL;
