-- Runs a killed process left without an end (SQLite).
-- An import run records its outcome ('succeeded', or 'interrupted' when the next start finds its process
-- gone), the process that owns it (host/pid/start) and when that process last said it was alive, so a run
-- on another machine is only called interrupted once its heartbeat has stopped. A rerun names the run it
-- replaces. A job run replaced by a recovery names nothing; the recovery names it.
ALTER TABLE import_runs ADD COLUMN outcome TEXT NULL;
ALTER TABLE import_runs ADD COLUMN owner TEXT NULL;
ALTER TABLE import_runs ADD COLUMN heartbeat_at TEXT NULL;
ALTER TABLE import_runs ADD COLUMN replaces_run_id INTEGER NULL;
UPDATE import_runs SET outcome = 'succeeded' WHERE finished_at IS NOT NULL;

ALTER TABLE job_runs ADD COLUMN replaces_fire_instance_id TEXT NULL;
