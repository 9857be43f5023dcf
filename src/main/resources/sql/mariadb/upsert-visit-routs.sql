-- Upsert of one page of visit_routs rows (camel-sql batch; one parameter set per row).
INSERT INTO ${prefix}visit_routs (account_id, visit_id, page_number, hostname, page_path, previous_page_path, time_on_page, page_title, page_url, display_page_name, event_type, has_met_goals, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#visit_id, :#page_number, :#hostname, :#page_path, :#previous_page_path, :#time_on_page, :#page_title, :#page_url, :#display_page_name, :#event_type, :#has_met_goals, :#_extra, :#_synced_at, :#_run_id)
ON DUPLICATE KEY UPDATE
    hostname = VALUES(hostname),
    page_path = VALUES(page_path),
    previous_page_path = VALUES(previous_page_path),
    time_on_page = VALUES(time_on_page),
    page_title = VALUES(page_title),
    page_url = VALUES(page_url),
    display_page_name = VALUES(display_page_name),
    event_type = VALUES(event_type),
    has_met_goals = VALUES(has_met_goals),
    _extra = VALUES(_extra),
    _synced_at = VALUES(_synced_at),
    _run_id = VALUES(_run_id)
