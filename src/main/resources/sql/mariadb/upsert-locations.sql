-- Upsert of one page of locations rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}locations (account_id, location_id, country, country_code, region, region_code, city, state_code, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#location_id, :#country, :#country_code, :#region, :#region_code, :#city, :#state_code, :#_extra, :#_synced_at, :#_run_id)
ON DUPLICATE KEY UPDATE
    country = VALUES(country),
    country_code = VALUES(country_code),
    region = VALUES(region),
    region_code = VALUES(region_code),
    city = VALUES(city),
    state_code = VALUES(state_code),
    _extra = VALUES(_extra),
    _synced_at = VALUES(_synced_at),
    _run_id = VALUES(_run_id)
