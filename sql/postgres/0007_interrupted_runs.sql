-- Runs a killed process left without an end (PostgreSQL).
-- An import run records its outcome ('succeeded', or 'interrupted' when the next start finds its process
-- gone), the process that owns it (host/pid/start) and when that process last said it was alive, so a run
-- on another machine is only called interrupted once its heartbeat has stopped. A rerun names the run it
-- replaces. A job run replaced by a recovery names nothing; the recovery names it.
ALTER TABLE import_runs ADD COLUMN IF NOT EXISTS outcome TEXT NULL;
ALTER TABLE import_runs ADD COLUMN IF NOT EXISTS owner TEXT NULL;
ALTER TABLE import_runs ADD COLUMN IF NOT EXISTS heartbeat_at TIMESTAMPTZ NULL;
ALTER TABLE import_runs ADD COLUMN IF NOT EXISTS replaces_run_id BIGINT NULL;
UPDATE import_runs SET outcome = 'succeeded' WHERE finished_at IS NOT NULL AND outcome IS NULL;

ALTER TABLE job_runs ADD COLUMN IF NOT EXISTS replaces_fire_instance_id TEXT NULL;
