-- Which process ran each sync and which scheduled fire started it: with clustered scheduling
-- every fire is to run on exactly one node, and the run log shows it.
ALTER TABLE leadfeeder_sync_runs ADD COLUMN node VARCHAR(255);
ALTER TABLE leadfeeder_sync_runs ADD COLUMN scheduled_for TIMESTAMPTZ;
