-- Upsert of one page of visits rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}visits (account_id, visit_id, lead_id, location_id, source, medium, referring_url, landing_page_path, keyword, query_term, campaign, page_depth, visit_length, started_at, visit_date, visit_hour, lf_client_id, ga_client_ids, country_code, device_type, visitor_email, visitor_first_name, visitor_last_name, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#visit_id, :#lead_id, :#location_id, :#source, :#medium, :#referring_url, :#landing_page_path, :#keyword, :#query_term, :#campaign, :#page_depth, :#visit_length, :#started_at, :#visit_date, :#visit_hour, :#lf_client_id, :#ga_client_ids, :#country_code, :#device_type, :#visitor_email, :#visitor_first_name, :#visitor_last_name, :#_extra, :#_synced_at, :#_run_id)
ON DUPLICATE KEY UPDATE
    lead_id = VALUES(lead_id),
    location_id = VALUES(location_id),
    source = VALUES(source),
    medium = VALUES(medium),
    referring_url = VALUES(referring_url),
    landing_page_path = VALUES(landing_page_path),
    keyword = VALUES(keyword),
    query_term = VALUES(query_term),
    campaign = VALUES(campaign),
    page_depth = VALUES(page_depth),
    visit_length = VALUES(visit_length),
    started_at = VALUES(started_at),
    visit_date = VALUES(visit_date),
    visit_hour = VALUES(visit_hour),
    lf_client_id = VALUES(lf_client_id),
    ga_client_ids = VALUES(ga_client_ids),
    country_code = VALUES(country_code),
    device_type = VALUES(device_type),
    visitor_email = VALUES(visitor_email),
    visitor_first_name = VALUES(visitor_first_name),
    visitor_last_name = VALUES(visitor_last_name),
    _extra = VALUES(_extra),
    _synced_at = VALUES(_synced_at),
    _run_id = VALUES(_run_id)
