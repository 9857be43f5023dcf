-- Upsert of one page of accounts rows (camel-sql batch; one parameter set per row).
MERGE INTO ${prefix}accounts (account_id, name, timezone, subscription, on_trial, website_tracking_status, _extra, _synced_at, _run_id)
KEY (account_id)
VALUES (:#account_id, :#name, :#timezone, :#subscription, :#on_trial, :#website_tracking_status, :#_extra, :#_synced_at, :#_run_id)
