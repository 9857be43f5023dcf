-- Which table prefix each run wrote (its data tables and its state), so `status` and readiness speak of
-- the prefix configured; the runs before this version wrote the one configured when it is applied.
ALTER TABLE leadfeeder_sync_runs ADD COLUMN table_prefix VARCHAR(40);
UPDATE leadfeeder_sync_runs SET table_prefix = '${prefix}';
-- The date window a rejected record was read in, so `status` can name the range to re-read after a fix.
ALTER TABLE leadfeeder_rejected_records ADD COLUMN window_from DATE;
ALTER TABLE leadfeeder_rejected_records ADD COLUMN window_to DATE;
