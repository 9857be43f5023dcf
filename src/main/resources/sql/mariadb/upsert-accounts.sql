-- Upsert of one page of accounts rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}accounts (account_id, name, timezone, subscription, on_trial, website_tracking_status, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#name, :#timezone, :#subscription, :#on_trial, :#website_tracking_status, :#_extra, :#_synced_at, :#_run_id)
ON DUPLICATE KEY UPDATE
    name = VALUES(name),
    timezone = VALUES(timezone),
    subscription = VALUES(subscription),
    on_trial = VALUES(on_trial),
    website_tracking_status = VALUES(website_tracking_status),
    _extra = VALUES(_extra),
    _synced_at = VALUES(_synced_at),
    _run_id = VALUES(_run_id)
