-- When the last successful run of this table prefix ended, for readiness.
SELECT MAX(ended_at) FROM ${state}sync_runs WHERE status = 'succeeded' AND table_prefix = :table_prefix
