-- Upsert of one page of visit_routs rows (camel-sql batch; one parameter set per row).
MERGE INTO ${prefix}visit_routs (account_id, visit_id, page_number, hostname, page_path, previous_page_path, time_on_page, page_title, page_url, display_page_name, event_type, has_met_goals, _extra, _synced_at, _run_id)
KEY (account_id, visit_id, page_number)
VALUES (:#account_id, :#visit_id, :#page_number, :#hostname, :#page_path, :#previous_page_path, :#time_on_page, :#page_title, :#page_url, :#display_page_name, :#event_type, :#has_met_goals, :#_extra, :#_synced_at, :#_run_id)
