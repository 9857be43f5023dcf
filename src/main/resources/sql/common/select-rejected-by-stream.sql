-- Records of this table prefix's runs that could not be mapped, per account and stream, with the
-- windows they were read in: for `status`, which names the range a backfill re-reads after a fix.
SELECT r.account_id, r.stream, COUNT(*) AS records, MIN(r.window_from) AS first_day, MAX(r.window_to) AS last_day
FROM ${state}rejected_records r
JOIN ${state}sync_runs s ON s.run_id = r.run_id
WHERE s.table_prefix = :table_prefix
GROUP BY r.account_id, r.stream
ORDER BY r.account_id, r.stream
