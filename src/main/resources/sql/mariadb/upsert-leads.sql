-- Upsert of one page of leads: a lead's first visit only moves earlier and its last visit only later
-- (MariaDB's LEAST/GREATEST return NULL for any NULL, hence COALESCE), because the API computes both
-- over the queried window.
INSERT INTO ${prefix}leads (account_id, lead_id, name, industry, industries, first_visit_date, last_visit_date, status, website_url, phone, linkedin_url, twitter_handle, facebook_url, employee_count, employees_range_min, employees_range_max, crm_lead_id, crm_organization_id, tags, logo_url, assignee, business_id, revenue, emailed_to, view_in_leadfeeder, visits, quality, location_id, _extra, _synced_at, _run_id)
VALUES (:#account_id, :#lead_id, :#name, :#industry, :#industries, :#first_visit_date, :#last_visit_date, :#status, :#website_url, :#phone, :#linkedin_url, :#twitter_handle, :#facebook_url, :#employee_count, :#employees_range_min, :#employees_range_max, :#crm_lead_id, :#crm_organization_id, :#tags, :#logo_url, :#assignee, :#business_id, :#revenue, :#emailed_to, :#view_in_leadfeeder, :#visits, :#quality, :#location_id, :#_extra, :#_synced_at, :#_run_id)
ON DUPLICATE KEY UPDATE
    name = VALUES(name),
    industry = VALUES(industry),
    industries = VALUES(industries),
    first_visit_date = LEAST(COALESCE(first_visit_date, VALUES(first_visit_date)), COALESCE(VALUES(first_visit_date), first_visit_date)),
    last_visit_date = GREATEST(COALESCE(last_visit_date, VALUES(last_visit_date)), COALESCE(VALUES(last_visit_date), last_visit_date)),
    status = VALUES(status),
    website_url = VALUES(website_url),
    phone = VALUES(phone),
    linkedin_url = VALUES(linkedin_url),
    twitter_handle = VALUES(twitter_handle),
    facebook_url = VALUES(facebook_url),
    employee_count = VALUES(employee_count),
    employees_range_min = VALUES(employees_range_min),
    employees_range_max = VALUES(employees_range_max),
    crm_lead_id = VALUES(crm_lead_id),
    crm_organization_id = VALUES(crm_organization_id),
    tags = VALUES(tags),
    logo_url = VALUES(logo_url),
    assignee = VALUES(assignee),
    business_id = VALUES(business_id),
    revenue = VALUES(revenue),
    emailed_to = VALUES(emailed_to),
    view_in_leadfeeder = VALUES(view_in_leadfeeder),
    visits = VALUES(visits),
    quality = VALUES(quality),
    location_id = VALUES(location_id),
    _extra = VALUES(_extra),
    _synced_at = VALUES(_synced_at),
    _run_id = VALUES(_run_id)
