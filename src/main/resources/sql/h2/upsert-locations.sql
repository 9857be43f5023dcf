-- Upsert of one page of locations rows (camel-sql batch; one parameter set per row).
MERGE INTO ${prefix}locations (account_id, location_id, country, country_code, region, region_code, city, state_code, _extra, _synced_at, _run_id)
KEY (account_id, location_id)
VALUES (:#account_id, :#location_id, :#country, :#country_code, :#region, :#region_code, :#city, :#state_code, :#_extra, :#_synced_at, :#_run_id)
