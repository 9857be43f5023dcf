-- Upsert of one page of accounts rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}accounts AS t (account_id, name, timezone, subscription, on_trial, website_tracking_status, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#name, :#timezone, :#subscription, :#on_trial, :#website_tracking_status, CAST(:#_extra AS jsonb), :#_synced_at, :#_run_id)
ON CONFLICT (account_id) DO UPDATE SET
    name = EXCLUDED.name,
    timezone = EXCLUDED.timezone,
    subscription = EXCLUDED.subscription,
    on_trial = EXCLUDED.on_trial,
    website_tracking_status = EXCLUDED.website_tracking_status,
    _extra = EXCLUDED._extra,
    _synced_at = EXCLUDED._synced_at,
    _run_id = EXCLUDED._run_id
