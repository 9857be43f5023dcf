-- A run ends: its figures and outcome.
UPDATE ${state}sync_runs
SET ended_at = :ended_at, status = :status, requests = :requests, retries = :retries,
    rows_accounts = :rows_accounts, rows_visits = :rows_visits, rows_visit_routs = :rows_visit_routs,
    rows_leads = :rows_leads, rows_locations = :rows_locations, rejected = :rejected,
    warnings = :warnings, error = :error, api = :api, api_quota_used = :api_quota_used
WHERE run_id = :run_id
