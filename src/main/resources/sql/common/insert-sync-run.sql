-- A run starts: its row exists from the first moment, so a crashed run still shows as 'running'.
INSERT INTO ${state}sync_runs (run_id, mode, started_at, status, node, scheduled_for, table_prefix)
VALUES (:run_id, :mode, :started_at, :status, :node, :scheduled_for, :table_prefix)
