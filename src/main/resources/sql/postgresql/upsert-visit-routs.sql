-- Upsert of one page of visit_routs rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}visit_routs AS t (account_id, visit_id, page_number, hostname, page_path, previous_page_path, time_on_page, page_title, page_url, display_page_name, event_type, has_met_goals, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#visit_id, :#page_number, :#hostname, :#page_path, :#previous_page_path, :#time_on_page, :#page_title, :#page_url, :#display_page_name, :#event_type, :#has_met_goals, CAST(:#_extra AS jsonb), :#_synced_at, :#_run_id)
ON CONFLICT (account_id, visit_id, page_number) DO UPDATE SET
    hostname = EXCLUDED.hostname,
    page_path = EXCLUDED.page_path,
    previous_page_path = EXCLUDED.previous_page_path,
    time_on_page = EXCLUDED.time_on_page,
    page_title = EXCLUDED.page_title,
    page_url = EXCLUDED.page_url,
    display_page_name = EXCLUDED.display_page_name,
    event_type = EXCLUDED.event_type,
    has_met_goals = EXCLUDED.has_met_goals,
    _extra = EXCLUDED._extra,
    _synced_at = EXCLUDED._synced_at,
    _run_id = EXCLUDED._run_id
