-- When a window was completed is an instant like every other timestamp here, not a wall time of the
-- JVM that wrote it.
ALTER TABLE leadfeeder_completed_windows ALTER COLUMN createdAt SET DATA TYPE TIMESTAMP WITH TIME ZONE;
