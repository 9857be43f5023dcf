-- The latest runs of this table prefix, newest first, for `status`.
SELECT run_id, mode, started_at, ended_at, status, requests, retries, rows_accounts, rows_visits,
       rows_visit_routs, rows_leads, rows_locations, rejected, error, node, api, api_quota_used
FROM ${state}sync_runs
WHERE table_prefix = :table_prefix
ORDER BY started_at DESC
LIMIT :limit
