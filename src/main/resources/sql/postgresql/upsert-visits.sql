-- Upsert of one page of visits rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}visits AS t (account_id, visit_id, lead_id, location_id, source, medium, referring_url, landing_page_path, keyword, query_term, campaign, page_depth, visit_length, started_at, visit_date, visit_hour, lf_client_id, ga_client_ids, country_code, device_type, visitor_email, visitor_first_name, visitor_last_name, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#visit_id, :#lead_id, :#location_id, :#source, :#medium, :#referring_url, :#landing_page_path, :#keyword, :#query_term, :#campaign, :#page_depth, :#visit_length, :#started_at, :#visit_date, :#visit_hour, :#lf_client_id, CAST(:#ga_client_ids AS jsonb), :#country_code, :#device_type, :#visitor_email, :#visitor_first_name, :#visitor_last_name, CAST(:#_extra AS jsonb), :#_synced_at, :#_run_id)
ON CONFLICT (account_id, visit_id) DO UPDATE SET
    lead_id = EXCLUDED.lead_id,
    location_id = EXCLUDED.location_id,
    source = EXCLUDED.source,
    medium = EXCLUDED.medium,
    referring_url = EXCLUDED.referring_url,
    landing_page_path = EXCLUDED.landing_page_path,
    keyword = EXCLUDED.keyword,
    query_term = EXCLUDED.query_term,
    campaign = EXCLUDED.campaign,
    page_depth = EXCLUDED.page_depth,
    visit_length = EXCLUDED.visit_length,
    started_at = EXCLUDED.started_at,
    visit_date = EXCLUDED.visit_date,
    visit_hour = EXCLUDED.visit_hour,
    lf_client_id = EXCLUDED.lf_client_id,
    ga_client_ids = EXCLUDED.ga_client_ids,
    country_code = EXCLUDED.country_code,
    device_type = EXCLUDED.device_type,
    visitor_email = EXCLUDED.visitor_email,
    visitor_first_name = EXCLUDED.visitor_first_name,
    visitor_last_name = EXCLUDED.visitor_last_name,
    _extra = EXCLUDED._extra,
    _synced_at = EXCLUDED._synced_at,
    _run_id = EXCLUDED._run_id
