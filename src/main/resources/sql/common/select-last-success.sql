-- When the last successful run ended, for readiness.
SELECT MAX(ended_at) FROM leadfeeder_sync_runs WHERE status = 'succeeded'
