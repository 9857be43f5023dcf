-- Requests the /v1 key made in earlier runs since the start of the month: the quota the connector has used.
SELECT COALESCE(SUM(requests), 0) FROM ${state}sync_runs
WHERE api = 'v1' AND started_at >= :since AND run_id <> :run_id
