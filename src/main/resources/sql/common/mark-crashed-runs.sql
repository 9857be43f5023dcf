-- Runs still 'running' while this run holds the sync lock died without finishing (killed, machine lost).
UPDATE ${state}sync_runs
SET status = 'crashed', ended_at = :now, error = 'the process ended before this run finished'
WHERE status = 'running' AND run_id <> :run_id
