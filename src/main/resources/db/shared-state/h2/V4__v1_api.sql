-- Leadfeeder's unified API (/v1): its engagements say what kind of event each route row is and
-- whether it met a goal (NULL in rows of the classic API, which has neither); the run log says which
-- API each run used and how much of the /v1 key's monthly request quota was used by its end.
ALTER TABLE ${prefix}visit_routs ADD COLUMN event_type VARCHAR(64);
ALTER TABLE ${prefix}visit_routs ADD COLUMN has_met_goals BOOLEAN;
ALTER TABLE leadfeeder_sync_runs ADD COLUMN api VARCHAR(16);
ALTER TABLE leadfeeder_sync_runs ADD COLUMN api_quota_used INTEGER;
