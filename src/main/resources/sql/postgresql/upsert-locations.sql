-- Upsert of one page of locations rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}locations AS t (account_id, location_id, country, country_code, region, region_code, city, state_code, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#location_id, :#country, :#country_code, :#region, :#region_code, :#city, :#state_code, CAST(:#_extra AS jsonb), :#_synced_at, :#_run_id)
ON CONFLICT (account_id, location_id) DO UPDATE SET
    country = EXCLUDED.country,
    country_code = EXCLUDED.country_code,
    region = EXCLUDED.region,
    region_code = EXCLUDED.region_code,
    city = EXCLUDED.city,
    state_code = EXCLUDED.state_code,
    _extra = EXCLUDED._extra,
    _synced_at = EXCLUDED._synced_at,
    _run_id = EXCLUDED._run_id
